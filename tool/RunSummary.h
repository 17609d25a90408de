//===--- RunSummary.h - The line that closes every run --------------------===//
//
// A CI log shows whatever a run printed, and with --format=sarif --output it
// printed nothing: the job failed with no word of why. Every run therefore
// ends with one line on stderr — the findings per check, in how many files,
// how many translation units were analyzed (and how many not), and how many
// findings NOLINT, the baseline and --diff kept out — whatever the format.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_RUNSUMMARY_H
#define SESSION_LINT_TOOL_RUNSUMMARY_H

#include "RunResult.h"
#include "llvm/Support/raw_ostream.h"

namespace session_lint {

/// Prints the closing summary line of \p Result (after the baseline and the
/// diff filter were applied).
void printClosingSummary(const RunResult &Result, llvm::raw_ostream &OS);

} // namespace session_lint

#endif
