//===--- FastSessionChecks.cpp - The session checks count as fast ---------===//
//
// clangd 19 runs only the clang-tidy checks its table of measured latencies
// lists as fast, unless a `.clangd` sets `FastCheckFilter: Loose` or `None`;
// a check it does not know is dropped with a line in the verbose log. The
// session checks are not in that table, so a project whose `.clang-tidy`
// enables `session-*` would see nothing in the editor. They are fast (a
// fraction of a percent of an AST rebuild, docs/performance.md), and say so
// here: the link step wraps clangd's `isFastTidyCheck` (`-Wl,--wrap`, see
// CMakeLists.txt), so the calls from clangd's AST builder and config
// compiler come here first.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include <optional>

// clang::clangd::isFastTidyCheck(llvm::StringRef) says whether a check is
// known fast, known slow, or unknown (clang-tools-extra/clangd/TidyProvider.h;
// Debian installs no clangd headers). GNU ld's --wrap sends the references
// to it to __wrap_<mangled name> and makes __real_<mangled name> the
// original: the assembler names below are those two symbols.
std::optional<bool> clangdIsFastTidyCheck(llvm::StringRef Check) asm(
    "__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
std::optional<bool> sessionIsFastTidyCheck(llvm::StringRef Check) asm(
    "__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");

std::optional<bool> sessionIsFastTidyCheck(llvm::StringRef Check) {
  if (Check.starts_with("session-"))
    return true;
  return clangdIsFastTidyCheck(Check);
}
