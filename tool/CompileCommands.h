//===--- CompileCommands.h - What session-lint does to compile commands ---===//
//
// Every compile command passes through here before clang parses it:
// * LLVM 19's resource directory is added, so builtin headers (<stddef.h>)
//   resolve wherever session-lint is installed or built;
// * options that would load or run code named by the analyzed project
//   (-fplugin=, -fpass-plugin=, -Xclang -load) are dropped, with a note on
//   stderr: auditing an untrusted repository must not execute it.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_COMPILECOMMANDS_H
#define SESSION_LINT_TOOL_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"

namespace session_lint {

/// \p Command with the resource directory added and every option that
/// loads code removed; each removal is said on \p Notes.
clang::tooling::CompileCommand makeSafe(clang::tooling::CompileCommand Command,
                                        llvm::StringRef ResourceDir,
                                        llvm::raw_ostream &Notes);

/// LLVM 19's clang resource directory (builtin headers).
std::string findResourceDir();

} // namespace session_lint

#endif
