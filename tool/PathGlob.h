//===--- PathGlob.h - Shell-style globs over paths ------------------------===//
//
// The deployment file's `sources` and the batch's --include/--exclude match
// paths with the same globs: `*` and `?` stay within one folder, `**`
// crosses folders, `[...]` is a character class.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_PATHGLOB_H
#define SESSION_LINT_TOOL_PATHGLOB_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <string>

namespace session_lint {

/// An anchored regular expression matching what \p Glob matches.
std::string globToRegex(llvm::StringRef Glob);

} // namespace session_lint

#endif
