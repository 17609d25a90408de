//===--- ExplainCheck.h - `session-lint explain CHECK` --------------------===//
//
// Prints a check's doc page, compiled into the binary (as Ruff's `rule`), so
// the explanation of a finding is at hand wherever the tool is, offline, and
// of the version that reported it. With no check, lists them.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_EXPLAINCHECK_H
#define SESSION_LINT_TOOL_EXPLAINCHECK_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace session_lint {

/// \p Args are the words after `explain`; returns the exit code.
int explainCheck(llvm::ArrayRef<const char *> Args);

} // namespace session_lint

#endif
