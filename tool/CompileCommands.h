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

/// Wraps a compilation database (not owned) and adjusts each command.
class SafeCompilations : public clang::tooling::CompilationDatabase {
public:
  SafeCompilations(const clang::tooling::CompilationDatabase &Inner,
                   std::string ResourceDir)
      : Inner(Inner), ResourceDir(std::move(ResourceDir)) {}

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef FilePath) const override;
  std::vector<std::string> getAllFiles() const override;
  std::vector<clang::tooling::CompileCommand>
  getAllCompileCommands() const override;

private:
  clang::tooling::CompileCommand adjust(clang::tooling::CompileCommand) const;

  const clang::tooling::CompilationDatabase &Inner;
  std::string ResourceDir;
};

/// LLVM 19's clang resource directory (builtin headers).
std::string findResourceDir();

} // namespace session_lint

#endif
