//===--- ChangedLines.h - Only what a pull request changed ----------------===//
//
// `--diff=BASE_REF` reports only findings on lines changed since the merge
// base of BASE_REF and HEAD (working tree included): the review of a pull
// request sees what it introduced, not the codebase's history.
// `--diff=-` reads a unified diff from stdin instead (any context size;
// paths with git's a/ b/ prefixes or without).
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_CHANGEDLINES_H
#define SESSION_LINT_TOOL_CHANGEDLINES_H

#include "RunResult.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <set>

namespace session_lint {

/// Added or modified lines (new side, 1-based) per absolute path.
using ChangedLines = llvm::StringMap<std::set<unsigned>>;

/// Parses a unified diff whose paths are relative to \p Root. Hunks are
/// read by the line counts of their headers; an empty input, one that is
/// not a diff, or a hunk that does not match its counts is an error.
llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Diff,
                                              llvm::StringRef Root);

/// The lines changed since the merge base of \p BaseRef and HEAD, from git
/// run in \p Directory.
llvm::Expected<ChangedLines> changedSince(llvm::StringRef BaseRef,
                                          llvm::StringRef Directory);

/// Drops findings whose line did not change, and counts them.
void keepChangedLines(RunResult &Result, const ChangedLines &Changed);

} // namespace session_lint

#endif
