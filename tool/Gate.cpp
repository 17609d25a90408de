//===--- Gate.cpp - What a run reports, and its exit code -----------------===//

#include "Gate.h"
#include "GithubFormat.h"
#include "InputFiles.h"
#include "HtmlReport.h"
#include "JsonFormat.h"
#include "RunSummary.h"
#include "SarifFormat.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"
#include <fcntl.h>
#include <unistd.h>

namespace session_lint {
using namespace options;

namespace {

void sayError(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "session-lint") << Message << "\n";
}

/// A fix-it computed on text that has changed since would edit the wrong
/// bytes: such files are not fixed (their findings are still reported). The
/// others are fixed on the very text whose hash was checked: it goes on an
/// in-memory layer over \p BaseFS, so the engine's rewriter reads that text,
/// not the file again (which may have changed in between), and writes the
/// result atomically (a temporary file renamed over the file).
void dropFixesToChangedFiles(RunResult &Result,
                             llvm::vfs::OverlayFileSystem &BaseFS) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> Checked(
      new llvm::vfs::InMemoryFileSystem);
  for (const auto &[File, Hash] : Result.FixTargets) {
    auto Buffer = readRegularFile(File, DataSizeLimit);
    if (Buffer && contentHash((*Buffer)->getBuffer()) == Hash) {
      Checked->addFile(File, /*ModificationTime=*/0, std::move(*Buffer));
      continue;
    }
    if (!Buffer)
      llvm::consumeError(Buffer.takeError());
    sayError("not fixing '" + File + "': it changed after it was analyzed; " +
             "run session-lint again");
    auto Drop = [&, &File = File](Message &M) {
      llvm::erase_if(M.Fix, [&](const Edit &E) { return E.File == File; });
    };
    for (Diagnostic &D : Result.Diagnostics) {
      Drop(D.Main);
      for (Message &Note : D.Notes)
        Drop(Note);
    }
  }
  BaseFS.pushOverlay(Checked);
}

/// --fix on findings no check can rewrite mechanically would say nothing of
/// them: say how many are left to fix by hand.
void sayFindingsWithoutFix(const RunResult &Result, bool FromNotes) {
  unsigned WithoutFix = llvm::count_if(Result.Diagnostics, [&](const Diagnostic &D) {
    if (D.kind() != DiagnosticKind::Finding || !D.Main.Fix.empty())
      return false;
    return !FromNotes || llvm::all_of(D.Notes, [](const Message &Note) {
      return Note.Fix.empty();
    });
  });
  if (WithoutFix)
    llvm::errs() << "session-lint: no fix available for " << WithoutFix
                 << " finding" << (WithoutFix == 1 ? "" : "s")
                 << "; they are left to fix by hand ('session-lint explain "
                    "CHECK' says how)\n";
}

/// Prints with the engine's reporter (and applies fixes), to standard output
/// or, with --output, to a file: the reporter only writes to stdout, so the
/// descriptor is pointed at a temporary file, renamed into place after.
bool printText(const RunResult &Result, const Budget *B, TextOutput &Text,
               unsigned &WarningsAsErrors) {
  std::vector<clang::tidy::ClangTidyError> Errors;
  for (const Diagnostic &D : Result.Diagnostics)
    Errors.push_back(toEngine(D));
  if (!Result.Units.empty())
    Text.Context.setCurrentFile(Result.Units.front());
  if (Output.empty()) {
    clang::tidy::handleErrors(Errors, Text.Context, Text.Fix, WarningsAsErrors,
                              Text.BaseFS);
    if (B)
      printBudget(*B, llvm::outs());
    return true;
  }
  llvm::SmallString<256> Temp;
  int FD;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Output + ".tmp-%%%%%%", FD, Temp)) {
    sayError("cannot write '" + Output + "': " + EC.message());
    return false;
  }
  llvm::outs().flush();
  int Saved = ::dup(1);
  ::dup2(FD, 1);
  clang::tidy::handleErrors(Errors, Text.Context, Text.Fix, WarningsAsErrors,
                            Text.BaseFS);
  if (B)
    printBudget(*B, llvm::outs());
  llvm::outs().flush();
  ::dup2(Saved, 1);
  ::close(Saved);
  ::close(FD);
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Output)) {
    llvm::sys::fs::remove(Temp);
    sayError("cannot write '" + Output + "': " + EC.message());
    return false;
  }
  return true;
}

/// Writes \p Format (not text) to \p Destination, or to stdout when it is
/// empty.
bool writeFormat(OutputFormat Format, const std::string &Destination,
                 const RunResult &Result, const std::string &Root,
                 const Budget *B) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (Format == OutputFormat::Json)
    writeJson(Result, Root, B, OS);
  else if (Format == OutputFormat::Sarif)
    writeSarif(Result, Root, B, OS);
  else {
    writeGithubAnnotations(Result, Root, OS);
    if (B)
      printBudget(*B, OS);
  }
  if (Destination.empty()) {
    llvm::outs() << Text;
    return true;
  }
  if (llvm::Error E = writeFileAtomically(Destination, Text)) {
    sayError(llvm::toString(std::move(E)));
    return false;
  }
  return true;
}

void printSummary(const RunResult &Result, const std::string &Root) {
  if (!Quiet && Result.Suppressed.total())
    llvm::errs() << "Suppressed " << Result.Suppressed.total()
                 << " warnings (" << Result.Suppressed.NoLint << " NOLINT, "
                 << Result.Suppressed.NonUserCode << " in non-user code, "
                 << Result.Suppressed.CheckFilter << " by check filters).\n";
  if (unsigned LeftOut = Result.LeftOutByHeaderFilter.size(); !Quiet && LeftOut)
    llvm::errs() << "session-lint: " << LeftOut << " finding"
                 << (LeftOut == 1 ? " in a header was" : "s in headers were")
                 << " left out by the header filter (--header-filter, "
                    "--exclude-header-filter, or HeaderFilterRegex / "
                    "ExcludeHeaderFilterRegex in .clang-tidy); to see "
                    "them, run with --header-filter='.*' "
                    "--exclude-header-filter=''\n";
  if (Result.BaselineApplied && !Quiet) {
    llvm::errs() << "session-lint: the baseline accepted "
                 << Result.BaselineMatched << " finding"
                 << (Result.BaselineMatched == 1 ? "" : "s");
    if (!Result.StaleBaseline.empty())
      llvm::errs() << "; " << Result.StaleBaseline.size()
                   << " of its entries match no finding any more (stale: "
                      "--write-baseline drops them)";
    llvm::errs() << "\n";
  }
  if (Result.DiffApplied && !Quiet)
    llvm::errs() << "session-lint: " << Result.OutsideDiff
                 << " finding" << (Result.OutsideDiff == 1 ? " is" : "s are")
                 << " not on changed lines and not reported\n";
  if (!Result.Failures.empty()) {
    llvm::errs() << "session-lint: " << Result.Failures.size() << " of "
                 << Result.Units.size()
                 << " translation units could not be analyzed in full; "
                    "findings reported for them cover only what was "
                    "analyzed:\n";
    for (const UnitFailure &F : Result.Failures)
      llvm::errs() << "  " << relativeTo(Root, F.File) << ": " << F.Reason
                   << "\n";
  }
}

} // namespace

std::optional<GateInputs> loadGateInputs(bool WithDiff) {
  GateInputs Inputs;
  Inputs.SourceRoot = sourceRoot();
  if (!Baseline.empty()) {
    auto Read = readBaseline(Baseline);
    if (!Read) {
      sayError(llvm::toString(Read.takeError()));
      return std::nullopt;
    }
    Inputs.Baseline = std::move(*Read);
  }
  if (WithDiff && !Diff.empty()) {
    llvm::Expected<ChangedLines> Changed =
        llvm::createStringError(llvm::inconvertibleErrorCode(), "");
    if (Diff == "-") {
      auto Text = readStdin(DiffSizeLimit);
      Changed = Text ? parseUnifiedDiff((*Text)->getBuffer(), Inputs.SourceRoot)
                     : llvm::Expected<ChangedLines>(Text.takeError());
    } else {
      Changed = changedSince(Diff, Inputs.SourceRoot);
    }
    if (!Changed) {
      sayError("--diff: " + llvm::toString(Changed.takeError()));
      return std::nullopt;
    }
    Inputs.Changed = std::move(*Changed);
  }
  if (!DeploymentFile.empty()) {
    auto Read = readDeployment(DeploymentFile);
    if (!Read) {
      sayError(llvm::toString(Read.takeError()));
      return std::nullopt;
    }
    Inputs.Deployment = std::move(*Read);
  }
  return Inputs;
}

int finishRun(RunResult &Result, const GateInputs &Inputs, TextOutput &Text) {
  const std::string &Root = Inputs.SourceRoot;
  bool ConfigError = llvm::any_of(Result.Diagnostics, [](const Diagnostic &D) {
    return D.Check == "clang-tidy-config" && D.Level == Severity::Error;
  });
  if (!WriteBaseline.empty()) {
    if (llvm::Error E = writeBaseline(Result, Root, WriteBaseline)) {
      sayError(llvm::toString(std::move(E)));
      return UsageError;
    }
  }
  // A baselined session still opens its connection: the budget counts it.
  std::vector<SessionOutsidePool> OutsidePools;
  if (Inputs.Deployment)
    OutsidePools = sessionsOutsidePools(Result);
  if (Inputs.Baseline)
    applyBaseline(Result, *Inputs.Baseline, Root);
  if (Inputs.Changed)
    keepChangedLines(Result, *Inputs.Changed);

  std::optional<Budget> B;
  if (Inputs.Deployment) {
    auto Computed = computeBudget(*Inputs.Deployment, Result.Units,
                                  poolsIn(Result), workersIn(Result),
                                  OutsidePools);
    if (!Computed) {
      sayError(llvm::toString(Computed.takeError()));
      return UsageError;
    }
    B = std::move(*Computed);
  }

  // As clang-tidy: fixes computed on code that does not compile may be
  // wrong, and are applied only when asked for.
  if (Text.Fix != clang::tidy::FB_NoFix && !FixErrors &&
      llvm::any_of(Result.Diagnostics, [](const Diagnostic &D) {
        return D.kind() == DiagnosticKind::CompileError;
      })) {
    llvm::WithColor::note(llvm::errs(), "session-lint")
        << "found compiler errors, but --fix-errors was not given: no fix "
           "has been applied\n";
    Text.Fix = clang::tidy::FB_NoFix;
  }
  if (Text.Fix != clang::tidy::FB_NoFix)
    dropFixesToChangedFiles(Result, *Text.BaseFS);
  if (Text.Fix != clang::tidy::FB_NoFix && !Quiet)
    sayFindingsWithoutFix(Result, Text.Fix == clang::tidy::FB_FixNotes);
  unsigned WarningsAsErrorsCount = 0;
  bool Written = Format == OutputFormat::Text
                     ? printText(Result, B ? &*B : nullptr, Text,
                                 WarningsAsErrorsCount)
                     : writeFormat(Format, Output, Result, Root,
                                   B ? &*B : nullptr);
  // A file to upload besides what the log shows (--format=github or text).
  if (Written && !SarifOutput.empty())
    Written = writeFormat(OutputFormat::Sarif, SarifOutput, Result, Root,
                          B ? &*B : nullptr);
  if (Written && !JsonOutput.empty())
    Written = writeFormat(OutputFormat::Json, JsonOutput, Result, Root,
                          B ? &*B : nullptr);
  if (!Written)
    return UsageError;
  if (!Report.empty())
    if (llvm::Error E =
            writeHtmlReport(Result, Root, B ? &*B : nullptr, Report,
                            {options::InvocationLine, options::Baseline,
                             options::Diff})) {
      sayError(llvm::toString(std::move(E)));
      return UsageError;
    }
  printSummary(Result, Root);
  if (!Quiet && WarningsAsErrorsCount)
    llvm::errs() << WarningsAsErrorsCount << " warnings treated as errors\n";
  if (!Quiet)
    printClosingSummary(Result, llvm::errs());

  if (ConfigError)
    return UsageError;
  if (!Result.Failures.empty())
    return NotAnalyzed;
  if (!WriteBaseline.empty())
    return Clean;
  bool OverBudget = B && B->verdict() != Budget::Verdict::Fits;
  return Result.findingCount() || OverBudget ? Findings : Clean;
}

} // namespace session_lint
