//===--- ConfigCheck.h - Fail loudly on a misspelled check or option ------===//
//
// clang-tidy ignores a check glob that matches nothing and an option key no
// check reads. In a CI gate that silently turns a rule off, so session-lint
// refuses both for its own namespace: a `--checks` entry naming a session-*
// check that does not exist, and a `session-<check>.<Option>` key that check
// does not read, are configuration errors (exit code 2) with the closest
// valid spelling.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_CONFIGCHECK_H
#define SESSION_LINT_TOOL_CONFIGCHECK_H

#include "ClangTidyOptions.h"
#include "llvm/Support/raw_ostream.h"

namespace session_lint {

/// Reports every problem of \p Options to \p OS; returns true if any.
bool reportConfigProblems(const clang::tidy::ClangTidyOptions &Options,
                          llvm::raw_ostream &OS);

} // namespace session_lint

#endif
