//===--- SessionClangdMain.cpp - clangd with the session checks built in --===//
//
// clangd cannot load clang-tidy plugins, so editors that get diagnostics from
// clangd (VS Code, Neovim, Emacs, Helix, Sublime) never see an out-of-tree
// check. Debian ships clangd as static libraries: this is clangd's own main
// linked with every built-in clang-tidy module and the session module, so
// `session-*` checks run as the user types and nothing of clangd is lost.
//
// What a user of clang-tidy expects on the first day works without a
// `.clangd`: the session checks count as fast (FastSessionChecks.cpp), so a
// `.clang-tidy` that enables them is enough; a bad option value reaches the
// editor as a message, and each finding links to its check's page
// (LspOutputFilter.h).
//
//===----------------------------------------------------------------------===//

#include "LspOutputFilter.h"
#include "model/ConfigurationErrors.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
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
/// A check switched itself off over a bad option value: clangd would drop
/// the configuration diagnostic, so the editor is told directly, once (every
/// check that reads a global option reports the same error).
void showConfigurationError(llvm::StringRef, llvm::StringRef Error) {
  session_lint::showErrorOnce(
      ("session-lint: configuration error: " + Error +
       "; the session checks that read it are off until the .clang-tidy "
       "(or .clangd) is fixed")
          .str());
}
} // namespace

int main(int argc, char *argv[]) {
  // clangd resets the command-line parser (and its extra version printers)
  // and exits from its own version printer: add our line when it exits.
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false, Server = true;
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg = llvm::StringRef(argv[I]).ltrim('-');
    if (Arg == "version")
      std::atexit(printSessionVersion);
    HasResourceDir |= Arg.starts_with("resource-dir");
    // Not a language server: nothing of the protocol to add to.
    Server &= Arg != "version" && Arg != "help" && !Arg.starts_with("check");
  }
  // clangd looks for builtin headers next to its own binary; point it at
  // LLVM 19's, wherever this binary is.
  static std::string ResourceDir =
      std::string("--resource-dir=") + SESSION_LINT_CLANG_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1, ResourceDir.data());
  Args.push_back(nullptr);
  bool Filtered = Server && session_lint::startLspOutputFilter(
                                SESSION_LINT_DOCS_URL);
  if (Filtered)
    clang::tidy::session::setConfigurationErrorObserver(
        showConfigurationError);
  int Status = clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                         Args.data());
  if (Filtered)
    session_lint::stopLspOutputFilter();
  return Status;
}
