//===--- SessionClangdMain.cpp - clangd with the session checks built in --===//
//
// clangd cannot load clang-tidy plugins, so editors that get diagnostics from
// clangd (VS Code, Neovim, Emacs, Helix, Sublime) never see an out-of-tree
// check. Debian ships clangd as static libraries: this is clangd's own main
// linked with every built-in clang-tidy module and the session module, so
// `session-*` checks run as the user types and nothing of clangd is lost.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace clang::clangd {
// From libclangdMain.a (clang-tools-extra/clangd/tool/ClangdMain.h, which
// Debian does not install).
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

namespace {
// Runs after LLVM's streams are gone: plain stdio.
void printSessionVersion() {
  std::printf("session-lint %s: the session-* clang-tidy checks are built in\n",
              SESSION_LINT_VERSION);
  std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[]) {
  // clangd resets the command-line parser (and its extra version printers)
  // and exits from its own version printer: add our line when it exits.
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false;
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg = llvm::StringRef(argv[I]).ltrim('-');
    if (Arg == "version")
      std::atexit(printSessionVersion);
    HasResourceDir |= Arg.starts_with("resource-dir");
  }
  // clangd looks for builtin headers next to its own binary; point it at
  // LLVM 19's, wherever this binary is.
  static std::string ResourceDir =
      std::string("--resource-dir=") + SESSION_LINT_CLANG_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1, ResourceDir.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
