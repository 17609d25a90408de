//===--- RunResult.cpp - What an analysis run found -----------------------===//

#include "RunResult.h"
#include "InputFiles.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <tuple>

namespace session_lint {
namespace {

using clang::tidy::ClangTidyError;

Severity severityOf(clang::tooling::Diagnostic::Level Level) {
  switch (Level) {
  case clang::tooling::Diagnostic::Remark:
    return Severity::Remark;
  case clang::tooling::Diagnostic::Warning:
    return Severity::Warning;
  case clang::tooling::Diagnostic::Error:
    return Severity::Error;
  }
  return Severity::Warning;
}

clang::tooling::Diagnostic::Level engineLevel(Severity Level) {
  switch (Level) {
  case Severity::Remark:
    return clang::tooling::Diagnostic::Remark;
  case Severity::Warning:
    return clang::tooling::Diagnostic::Warning;
  case Severity::Error:
    return clang::tooling::Diagnostic::Error;
  }
  return clang::tooling::Diagnostic::Warning;
}

Message fromEngineMessage(const clang::tooling::DiagnosticMessage &In,
                          llvm::StringRef BuildDirectory) {
  Message Out;
  if (!In.FilePath.empty())
    Out.File = absoluteFrom(BuildDirectory, In.FilePath);
  Out.Offset = In.FileOffset;
  Out.Text = In.Message;
  for (const auto &PerFile : In.Fix)
    for (const clang::tooling::Replacement &R : PerFile.second)
      Out.Fix.push_back({absoluteFrom(BuildDirectory, R.getFilePath()),
                         R.getOffset(), R.getLength(),
                         R.getReplacementText().str()});
  for (const clang::tooling::FileByteRange &R : In.Ranges)
    Out.Ranges.push_back(
        {absoluteFrom(BuildDirectory, R.FilePath), R.FileOffset, R.Length});
  return Out;
}

clang::tooling::DiagnosticMessage toEngineMessage(const Message &In) {
  clang::tooling::DiagnosticMessage Out(In.Text);
  Out.FilePath = In.File;
  Out.FileOffset = In.Offset;
  for (const Edit &E : In.Fix)
    llvm::consumeError(Out.Fix[E.File].add(
        clang::tooling::Replacement(E.File, E.Offset, E.Length, E.Text)));
  for (const ByteRange &R : In.Ranges) {
    clang::tooling::FileByteRange Range;
    Range.FilePath = R.File;
    Range.FileOffset = R.Offset;
    Range.Length = R.Length;
    Out.Ranges.push_back(Range);
  }
  return Out;
}

auto messageKey(const Message &M) {
  return std::tie(M.File, M.Offset, M.Text);
}

bool notesLess(const std::vector<Message> &A, const std::vector<Message> &B) {
  return std::lexicographical_compare(
      A.begin(), A.end(), B.begin(), B.end(),
      [](const Message &X, const Message &Y) {
        return messageKey(X) < messageKey(Y);
      });
}

bool sameMessages(const std::vector<Message> &A,
                  const std::vector<Message> &B) {
  return std::equal(A.begin(), A.end(), B.begin(), B.end(),
                    [](const Message &X, const Message &Y) {
                      return messageKey(X) == messageKey(Y);
                    });
}

bool diagnosticLess(const Diagnostic &A, const Diagnostic &B) {
  if (A.Main.File != B.Main.File)
    return A.Main.File < B.Main.File;
  if (A.Main.Offset != B.Main.Offset)
    return A.Main.Offset < B.Main.Offset;
  if (A.Check != B.Check)
    return A.Check < B.Check;
  if (A.Main.Text != B.Main.Text)
    return A.Main.Text < B.Main.Text;
  // Of one finding seen from several units, the one a unit showed without
  // conditions comes first, and is the one kept.
  if (A.HeldBack != B.HeldBack)
    return B.HeldBack;
  if (A.DependsOn.size() != B.DependsOn.size())
    return A.DependsOn.size() < B.DependsOn.size();
  return notesLess(A.Notes, B.Notes);
}

/// One finding, whatever its notes: a header's finding seen from two units
/// may point its notes at each unit's own code, and is still reported once
/// (the first in sorted order, so the choice does not depend on -j).
bool sameDiagnostic(const Diagnostic &A, const Diagnostic &B) {
  return A.Check == B.Check && messageKey(A.Main) == messageKey(B.Main);
}

/// Offsets of line starts, per file, read once.
class LineTable {
public:
  /// Line and column of \p Offset; {0, 0} when the file cannot be read.
  std::pair<unsigned, unsigned> locate(const std::string &File,
                                       unsigned Offset) {
    const std::vector<unsigned> &Starts = startsOf(File);
    if (Starts.empty())
      return {0, 0};
    auto After = llvm::upper_bound(Starts, Offset);
    unsigned Line = After - Starts.begin();
    return {Line, Offset - Starts[Line - 1] + 1};
  }

private:
  const std::vector<unsigned> &startsOf(const std::string &File) {
    auto [It, Inserted] = Cache.try_emplace(File);
    if (!Inserted)
      return It->second;
    auto Buffer = readRegularFile(File, DataSizeLimit);
    if (!Buffer) {
      llvm::consumeError(Buffer.takeError());
      return It->second;
    }
    llvm::StringRef Text = (*Buffer)->getBuffer();
    It->second.push_back(0);
    for (size_t I = 0; I < Text.size(); ++I)
      if (Text[I] == '\n')
        It->second.push_back(I + 1);
    return It->second;
  }

  llvm::StringMap<std::vector<unsigned>> Cache;
};

} // namespace

DiagnosticKind Diagnostic::kind() const {
  // Compiler warnings, also under -Werror, and configuration messages are
  // not findings; only hard errors mean the unit did not compile.
  if (Check == "clang-diagnostic-error")
    return DiagnosticKind::CompileError;
  if (llvm::StringRef(Check).starts_with("clang-diagnostic-") ||
      Check == "clang-tidy-config")
    return DiagnosticKind::Compiler;
  return Level == Severity::Remark ? DiagnosticKind::Remark
                                   : DiagnosticKind::Finding;
}

unsigned RunResult::findingCount() const {
  return llvm::count_if(Diagnostics, [](const Diagnostic &D) {
    return D.kind() == DiagnosticKind::Finding && !D.HeldBack;
  });
}

unsigned RunResult::remarkCount() const {
  return llvm::count_if(Diagnostics, [](const Diagnostic &D) {
    return D.kind() == DiagnosticKind::Remark;
  });
}

void normalize(RunResult &Result) {
  llvm::stable_sort(Result.Diagnostics, diagnosticLess);
  Result.Diagnostics.erase(
      std::unique(Result.Diagnostics.begin(), Result.Diagnostics.end(),
                  sameDiagnostic),
      Result.Diagnostics.end());
  llvm::sort(Result.Units);
  Result.Units.erase(std::unique(Result.Units.begin(), Result.Units.end()),
                     Result.Units.end());
  auto FailureKey = [](const UnitFailure &F) {
    return std::tie(F.File, F.Reason);
  };
  llvm::sort(Result.Failures, [&](const UnitFailure &A, const UnitFailure &B) {
    return FailureKey(A) < FailureKey(B);
  });
  Result.Failures.erase(
      std::unique(Result.Failures.begin(), Result.Failures.end(),
                  [&](const UnitFailure &A, const UnitFailure &B) {
                    return FailureKey(A) == FailureKey(B);
                  }),
      Result.Failures.end());
  llvm::sort(Result.StaleBaseline);
  auto LeftOutKey = [](const LeftOutFinding &F) {
    return std::tie(F.File, F.Offset, F.Check);
  };
  llvm::sort(Result.LeftOutByHeaderFilter,
             [&](const LeftOutFinding &A, const LeftOutFinding &B) {
               return LeftOutKey(A) < LeftOutKey(B);
             });
  Result.LeftOutByHeaderFilter.erase(
      std::unique(Result.LeftOutByHeaderFilter.begin(),
                  Result.LeftOutByHeaderFilter.end(),
                  [&](const LeftOutFinding &A, const LeftOutFinding &B) {
                    return LeftOutKey(A) == LeftOutKey(B);
                  }),
      Result.LeftOutByHeaderFilter.end());
}

void mergeInto(RunResult &Into, RunResult Other) {
  llvm::append_range(Into.Diagnostics, std::move(Other.Diagnostics));
  llvm::append_range(Into.Units, std::move(Other.Units));
  llvm::append_range(Into.Failures, std::move(Other.Failures));
  llvm::append_range(Into.LeftOutByHeaderFilter,
                     std::move(Other.LeftOutByHeaderFilter));
  llvm::append_range(Into.Judgements, std::move(Other.Judgements));
  Into.Suppressed.NoLint += Other.Suppressed.NoLint;
  Into.Suppressed.NonUserCode += Other.Suppressed.NonUserCode;
  Into.Suppressed.CheckFilter += Other.Suppressed.CheckFilter;
  Into.Suppressed.LineFilter += Other.Suppressed.LineFilter;
  Into.OutsideDiff += Other.OutsideDiff;
  Into.DiffApplied |= Other.DiffApplied;
  Into.BaselineMatched += Other.BaselineMatched;
  // A baseline entry is stale only when no shard matched it.
  if (Into.BaselineApplied && Other.BaselineApplied) {
    std::vector<std::string> Both;
    llvm::sort(Other.StaleBaseline);
    llvm::sort(Into.StaleBaseline);
    std::set_intersection(Into.StaleBaseline.begin(), Into.StaleBaseline.end(),
                          Other.StaleBaseline.begin(),
                          Other.StaleBaseline.end(), std::back_inserter(Both));
    Into.StaleBaseline = std::move(Both);
  } else if (Other.BaselineApplied) {
    Into.StaleBaseline = std::move(Other.StaleBaseline);
  }
  Into.BaselineApplied |= Other.BaselineApplied;
  for (auto &[File, Hash] : Other.FixTargets) {
    auto [It, Inserted] = Into.FixTargets.try_emplace(File, Hash);
    // Two units saw different text: the file changed during the run.
    if (!Inserted && It->second != Hash)
      It->second = "changed-during-the-run";
  }
  normalize(Into);
}

Diagnostic fromEngine(const ClangTidyError &Error) {
  Diagnostic Out;
  Out.Check = Error.DiagnosticName;
  Out.Level = severityOf(Error.DiagLevel);
  Out.WarningAsError = Error.IsWarningAsError;
  Out.Main = fromEngineMessage(Error.Message, Error.BuildDirectory);
  for (const clang::tooling::DiagnosticMessage &Note : Error.Notes)
    Out.Notes.push_back(fromEngineMessage(Note, Error.BuildDirectory));
  return Out;
}

ClangTidyError toEngine(const Diagnostic &Diag) {
  ClangTidyError Out(Diag.Check, engineLevel(Diag.Level), /*BuildDirectory=*/"",
                     Diag.WarningAsError);
  Out.Message = toEngineMessage(Diag.Main);
  for (const Message &Note : Diag.Notes)
    Out.Notes.push_back(toEngineMessage(Note));
  return Out;
}

void fillLineColumns(RunResult &Result) {
  LineTable Lines;
  auto Fill = [&](Message &M) {
    if (M.File.empty() || M.Line)
      return;
    std::tie(M.Line, M.Column) = Lines.locate(M.File, M.Offset);
  };
  for (Diagnostic &D : Result.Diagnostics) {
    Fill(D.Main);
    for (Message &Note : D.Notes)
      Fill(Note);
  }
}

std::string lineText(llvm::StringRef File, unsigned Line) {
  auto Buffer = readRegularFile(File, DataSizeLimit);
  if (!Buffer) {
    llvm::consumeError(Buffer.takeError());
    return "";
  }
  if (Line == 0)
    return "";
  llvm::StringRef Rest = (*Buffer)->getBuffer();
  for (unsigned I = 1; I < Line && !Rest.empty(); ++I)
    Rest = Rest.split('\n').second;
  return Rest.split('\n').first.rtrim("\r").str();
}

std::string contentHash(llvm::StringRef Text) {
  return llvm::utohexstr(llvm::xxh3_64bits(Text), /*LowerCase=*/true,
                         /*Width=*/16);
}

std::string relativeTo(llvm::StringRef Root, llvm::StringRef Path) {
  if (Root.empty())
    return Path.str();
  llvm::StringRef Rest = Path;
  if (!Rest.consume_front(Root))
    return Path.str();
  if (Rest.empty() || llvm::sys::path::is_separator(Rest.front()))
    return Rest.ltrim('/').str();
  if (llvm::sys::path::is_separator(Root.back()))
    return Rest.str();
  return Path.str();
}

std::string absoluteFrom(llvm::StringRef Base, llvm::StringRef Path) {
  llvm::SmallString<256> Result;
  if (llvm::sys::path::is_absolute(Path) || Base.empty())
    Result = Path;
  else
    llvm::sys::path::append(Result, Base, Path);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

} // namespace session_lint
