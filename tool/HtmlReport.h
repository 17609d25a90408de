//===--- HtmlReport.h - The audit report a person reads -------------------===//
//
// `--report=DIR` writes DIR/index.html: one self-contained page (no network
// resources, so it opens from a CI artifact or a mail attachment) with the
// totals per check and per folder as bar charts, the connection budget when
// a deployment was given, the units that could not be analyzed, and every
// finding with its code and notes, filterable by check.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_HTMLREPORT_H
#define SESSION_LINT_TOOL_HTMLREPORT_H

#include "Deployment.h"
#include "RunResult.h"
#include "llvm/Support/Error.h"

namespace session_lint {

llvm::Error writeHtmlReport(const RunResult &Result, llvm::StringRef SourceRoot,
                            const Budget *Budget, llvm::StringRef Directory);

} // namespace session_lint

#endif
