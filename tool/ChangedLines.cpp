//===--- ChangedLines.cpp - Only what a pull request changed --------------===//

#include "ChangedLines.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include <unistd.h>

namespace session_lint {
namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Message.str());
}

/// "+++ b/src/a.cpp\t..." -> "src/a.cpp"; "" for /dev/null.
llvm::StringRef newPathOf(llvm::StringRef Header) {
  llvm::StringRef Path = Header.drop_front(4).split('\t').first.rtrim("\r");
  if (Path == "/dev/null")
    return "";
  if (Path.size() > 1 && Path.front() == '"')
    Path = Path.drop_front().drop_back();
  Path.consume_front("b/");
  return Path;
}

/// Runs git with \p Args in \p Directory; its standard output.
llvm::Expected<std::string> git(llvm::ArrayRef<llvm::StringRef> Args,
                                llvm::StringRef Directory) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return error("--diff needs git, which is not on the PATH");
  llvm::SmallString<128> Out, Err;
  int OutFD, ErrFD;
  if (llvm::sys::fs::createTemporaryFile("session-lint-git", "out", OutFD, Out) ||
      llvm::sys::fs::createTemporaryFile("session-lint-git", "err", ErrFD, Err))
    return error("cannot create a temporary file for git's output");
  ::close(OutFD);
  ::close(ErrFD);
  std::vector<llvm::StringRef> Argv = {*Git, "-C", Directory};
  llvm::append_range(Argv, Args);
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                llvm::StringRef(Out),
                                                llvm::StringRef(Err)};
  int Status = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects);
  auto Read = [](llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  };
  std::string Output = Read(Out), Problem = Read(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (Status != 0) {
    std::string Command = "git";
    for (llvm::StringRef Arg : Args)
      Command += " " + Arg.str();
    return error("'" + Command + "' failed: " + llvm::StringRef(Problem).trim());
  }
  return Output;
}

} // namespace

llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Diff,
                                              llvm::StringRef Root) {
  if (Diff.trim().empty())
    return error("the diff is empty; with no changes there is nothing to "
                 "gate (run without --diff)");
  ChangedLines Changed;
  std::set<unsigned> *Current = nullptr;
  bool SawFile = false;
  // Inside a hunk, the lines still expected on each side: its header says
  // how many, so a line is a header ("+++ ", "@@ ") only outside a hunk, and
  // an added line that reads "++ counter;" stays an added line.
  unsigned OldLeft = 0, NewLeft = 0, NewLine = 0;
  unsigned Number = 0;
  llvm::StringRef HunkHeader;
  while (!Diff.empty()) {
    auto [Line, Rest] = Diff.split('\n');
    Diff = Rest;
    ++Number;
    Line.consume_back("\r");
    if (OldLeft || NewLeft) {
      char Kind = Line.empty() ? ' ' : Line.front();
      if (Kind == '\\')
        continue; // "\ No newline at end of file"
      if ((Kind == '+' && !NewLeft) || (Kind == '-' && !OldLeft) ||
          (Kind == ' ' && (!OldLeft || !NewLeft)) ||
          (Kind != '+' && Kind != '-' && Kind != ' '))
        return error("invalid diff: line " + llvm::Twine(Number) +
                     " does not fit the hunk '" + HunkHeader + "'");
      if (Kind != '-') {
        if (Kind == '+' && Current)
          Current->insert(NewLine);
        ++NewLine;
        --NewLeft;
      }
      if (Kind != '+')
        --OldLeft;
      continue;
    }
    if (Line.starts_with("+++ ")) {
      llvm::StringRef Path = newPathOf(Line);
      Current = Path.empty() ? nullptr : &Changed[absoluteFrom(Root, Path)];
      SawFile = true;
      continue;
    }
    if (Line.starts_with("diff ")) {
      SawFile = true; // a rename or mode change has no hunks
      Current = nullptr;
      continue;
    }
    if (!Line.starts_with("@@ "))
      continue; // "index …", "--- a/…", "new file mode …"
    // @@ -a[,b] +c[,d] @@
    if (!SawFile)
      return error("invalid diff: a hunk before any file header, line " +
                   llvm::Twine(Number));
    HunkHeader = Line;
    llvm::StringRef Ranges = Line.drop_front(3);
    auto Range = [&](char Sign, unsigned &Start, unsigned &Count) {
      Ranges = Ranges.ltrim(' ');
      if (!Ranges.consume_front(llvm::StringRef(&Sign, 1)) ||
          Ranges.consumeInteger(10, Start))
        return false;
      Count = 1;
      if (Ranges.consume_front(",") && Ranges.consumeInteger(10, Count))
        return false;
      return true;
    };
    unsigned OldStart = 0;
    if (!Range('-', OldStart, OldLeft) || !Range('+', NewLine, NewLeft) ||
        !Ranges.ltrim(' ').starts_with("@@"))
      return error("invalid diff: bad hunk header '" + Line + "'");
  }
  if (OldLeft || NewLeft)
    return error("invalid diff: it ends inside the hunk '" + HunkHeader + "'");
  if (!SawFile)
    return error("the input is not a unified diff (no 'diff' or '+++' file "
                 "header)");
  return Changed;
}

llvm::Expected<ChangedLines> changedSince(llvm::StringRef BaseRef,
                                          llvm::StringRef Directory) {
  auto Top = git({"rev-parse", "--show-toplevel"}, Directory);
  if (!Top)
    return Top.takeError();
  auto MergeBase = git({"merge-base", BaseRef, "HEAD"}, Directory);
  if (!MergeBase)
    return MergeBase.takeError();
  std::string Base = llvm::StringRef(*MergeBase).trim().str();
  auto Diff = git({"diff", "--no-color", "--no-ext-diff", "--unified=0",
                   "--src-prefix=a/", "--dst-prefix=b/", Base, "--"},
                  Directory);
  if (!Diff)
    return Diff.takeError();
  if (llvm::StringRef(*Diff).trim().empty())
    return ChangedLines(); // nothing changed since the merge base
  return parseUnifiedDiff(*Diff, llvm::StringRef(*Top).trim());
}

void keepChangedLines(RunResult &Result, const ChangedLines &Changed) {
  // git names files by their real path; compile commands may go through
  // symbolic links.
  llvm::StringMap<std::string> RealPaths;
  auto RealPath = [&](const std::string &File) -> const std::string & {
    auto [It, Inserted] = RealPaths.try_emplace(File, File);
    llvm::SmallString<256> Real;
    if (Inserted && !llvm::sys::fs::real_path(File, Real))
      It->second = std::string(Real);
    return It->second;
  };
  size_t Before = Result.Diagnostics.size();
  llvm::erase_if(Result.Diagnostics, [&](const Diagnostic &D) {
    if (D.kind() != DiagnosticKind::Finding)
      return false;
    auto It = Changed.find(RealPath(D.Main.File));
    return It == Changed.end() || !It->second.count(D.Main.Line);
  });
  Result.OutsideDiff += Before - Result.Diagnostics.size();
  Result.DiffApplied = true;
}

} // namespace session_lint
