//===--- HtmlReport.h - The audit report a person reads -------------------===//
//
// `--report=DIR` writes DIR/index.html: one self-contained page (no network
// resources, so it opens from a CI artifact or a mail attachment) with the
// totals per check and per folder as bar charts, the connection budget when
// a deployment was given (its verdict as a sentence, the pools that make the
// total, the sessions opened outside them), the units that could not be
// analyzed, and every finding with its code and notes, filterable by check;
// above them, how the run was made (date, versions, command, baseline and
// diff in effect) and how many findings were left out, and why. An empty
// section says "none" rather than vanishing.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_HTMLREPORT_H
#define SESSION_LINT_TOOL_HTMLREPORT_H

#include "Deployment.h"
#include "RunResult.h"
#include "llvm/Support/Error.h"

namespace session_lint {

/// What the page says of the run itself: how it was asked for.
struct ReportRun {
  std::string Command;  // the command line, as typed
  std::string Baseline; // --baseline, if any
  std::string Diff;     // --diff, if any
};

llvm::Error writeHtmlReport(const RunResult &Result, llvm::StringRef SourceRoot,
                            const Budget *Budget, llvm::StringRef Directory,
                            const ReportRun &Run = {});

} // namespace session_lint

#endif
