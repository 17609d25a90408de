//===--- Gate.h - What a run reports, and its exit code -------------------===//
//
// The end of every run and of `session-lint merge`: the baseline and the
// diff filter findings, the budget is computed, the results are written in
// the chosen format (and as an HTML report), the summary goes to stderr, and
// the exit code says what a CI gate needs:
//   0 no findings, 1 findings (or the budget is exceeded),
//   2 usage or configuration error,
//   3 some translation units could not be analyzed (the rest were, and
//     their findings are reported).
// Inputs of the gate (baseline, diff, deployment) are read before the
// analysis, so a typo in them fails at once, not after an hour of parsing.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_GATE_H
#define SESSION_LINT_TOOL_GATE_H

#include "Baseline.h"
#include "ChangedLines.h"
#include "CommandLine.h"
#include "Deployment.h"
#include "RunResult.h"
#include "ClangTidy.h"
#include <optional>

namespace session_lint {

enum ExitCode { Clean = 0, Findings = 1, UsageError = 2, NotAnalyzed = 3 };

struct GateInputs {
  std::optional<std::vector<BaselineEntry>> Baseline;
  std::optional<ChangedLines> Changed;
  std::optional<session_lint::Deployment> Deployment;
  std::string SourceRoot;
};

/// Reads --baseline, --diff and --deployment; errors are said on stderr.
std::optional<GateInputs> loadGateInputs(bool WithDiff);

struct TextOutput {
  clang::tidy::ClangTidyContext &Context;
  clang::tidy::FixBehaviour Fix = clang::tidy::FB_NoFix;
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS;
};

/// Filters, writes and summarizes \p Result; returns the exit code.
int finishRun(RunResult &Result, const GateInputs &Inputs, TextOutput &Text);

} // namespace session_lint

#endif
