//===--- CompileCommands.cpp - What session-lint does to compile commands -===//

#include "CompileCommands.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang::tooling;

namespace session_lint {
namespace {

bool loadsCode(llvm::StringRef Arg) {
  return Arg.starts_with("-fplugin=") || Arg.starts_with("-fpass-plugin=") ||
         Arg.starts_with("-fplugin-arg-");
}

} // namespace

std::string findResourceDir() {
  // Configured at build time from the LLVM package we compiled against.
  std::string Configured = SESSION_LINT_CLANG_RESOURCE_DIR;
  if (llvm::sys::fs::is_directory(Configured + "/include"))
    return Configured;
  return "";
}

CompileCommand makeSafe(CompileCommand Command, llvm::StringRef ResourceDir,
                        llvm::raw_ostream &Notes) {
  std::vector<std::string> Kept;
  bool HasResourceDir = false;
  auto &Args = Command.CommandLine;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (loadsCode(Arg)) {
      llvm::WithColor::note(Notes, "session-lint")
          << "ignoring '" << Arg << "' from the compile command of "
          << Command.Filename << ": session-lint never loads plugins\n";
      continue;
    }
    if (Arg == "-Xclang" && I + 1 < Args.size() &&
        (Args[I + 1] == "-load" || Args[I + 1] == "-add-plugin" ||
         Args[I + 1] == "-plugin")) {
      llvm::WithColor::note(Notes, "session-lint")
          << "ignoring '-Xclang " << Args[I + 1] << "' from the compile "
          << "command of " << Command.Filename
          << ": session-lint never loads plugins\n";
      // Skip "-Xclang -load -Xclang LIB" as a whole.
      I += (I + 3 < Args.size() && Args[I + 2] == "-Xclang") ? 3 : 1;
      continue;
    }
    HasResourceDir |= Arg.starts_with("-resource-dir");
    Kept.push_back(Args[I]);
  }
  if (!HasResourceDir && !ResourceDir.empty() && !Kept.empty())
    Kept.insert(Kept.begin() + 1, ("-resource-dir=" + ResourceDir).str());
  Args = std::move(Kept);
  return Command;
}

} // namespace session_lint
