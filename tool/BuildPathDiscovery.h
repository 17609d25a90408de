//===--- BuildPathDiscovery.h - Finding compile_commands.json -------------===//
//
// With neither -p nor `--`, clang-tidy looks for compile_commands.json only
// in the first file's folder and above it, and otherwise analyzes "without
// flags" after a message that reads like an error. clangd also looks in the
// `build/` folder of each of them, where CMake users keep it. session-lint
// does as clangd: the folder found is used as if named by -p, and said; when
// there is none, the message says what to give instead (`-p build`, or the
// flags after `--`).
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_BUILDPATHDISCOVERY_H
#define SESSION_LINT_TOOL_BUILDPATHDISCOVERY_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace session_lint {

/// The folder with compile_commands.json nearest to \p Start: \p Start or an
/// ancestor, or the `build` folder of one of them.
std::optional<std::string> findBuildPath(llvm::StringRef Start);

} // namespace session_lint

#endif
