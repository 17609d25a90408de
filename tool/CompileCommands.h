//===--- CompileCommands.h - What session-lint does to compile commands ---===//
//
// Every compile command passes through here, in the parent, before a worker
// parses its unit:
// * the .clang-tidy ExtraArgsBefore / ExtraArgs of the unit's file are put
//   in, as clang-tidy puts them in (so the policy sees them too);
// * the compile-flag policy (CompilePolicy.h) keeps what shapes parsing and
//   drops what would run, load, read a driver configuration or write, with
//   one note per unit naming what it dropped;
// * LLVM 19's resource directory is added, so builtin headers (<stddef.h>)
//   resolve wherever session-lint is installed or built.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_COMPILECOMMANDS_H
#define SESSION_LINT_TOOL_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include <optional>

namespace session_lint {

/// ExtraArgsBefore / ExtraArgs of a file's configuration.
struct ConfiguredArgs {
  std::optional<std::vector<std::string>> Before;
  std::optional<std::vector<std::string>> After;
};

/// \p Command with \p Configured put in (before: after the compiler; after:
/// at the end), as clang-tidy does.
clang::tooling::CompileCommand withConfiguredArgs(
    clang::tooling::CompileCommand Command, const ConfiguredArgs &Configured);

/// \p Command under the compile-flag policy, with the resource directory
/// added; what the policy dropped is said in one note on \p Notes.
clang::tooling::CompileCommand makeSafe(clang::tooling::CompileCommand Command,
                                        llvm::StringRef ResourceDir,
                                        llvm::raw_ostream &Notes);

/// LLVM 19's clang resource directory (builtin headers).
std::string findResourceDir();

} // namespace session_lint

#endif
