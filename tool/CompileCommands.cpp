//===--- CompileCommands.cpp - What session-lint does to compile commands -===//

#include "CompileCommands.h"
#include "CompilePolicy.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang::tooling;

namespace session_lint {

std::string findResourceDir() {
  // Configured at build time from the LLVM package we compiled against.
  std::string Configured = SESSION_LINT_CLANG_RESOURCE_DIR;
  if (llvm::sys::fs::is_directory(Configured + "/include"))
    return Configured;
  return "";
}

CompileCommand withConfiguredArgs(CompileCommand Command,
                                  const ConfiguredArgs &Configured) {
  auto &Args = Command.CommandLine;
  if (Configured.Before) {
    auto I = Args.begin();
    if (I != Args.end() && !llvm::StringRef(*I).starts_with("-"))
      ++I; // the compiler
    Args.insert(I, Configured.Before->begin(), Configured.Before->end());
  }
  if (Configured.After)
    Args.insert(Args.end(), Configured.After->begin(), Configured.After->end());
  return Command;
}

CompileCommand makeSafe(CompileCommand Command, llvm::StringRef ResourceDir,
                        llvm::raw_ostream &Notes) {
  PolicyOutcome Outcome =
      applyCompilePolicy(Command.CommandLine, Command.Directory);
  if (!Outcome.Dropped.empty())
    llvm::WithColor::note(Notes, "session-lint")
        << describeDropped(Command.Filename, Outcome.Dropped) << "\n";
  auto &Args = Outcome.CommandLine;
  bool HasResourceDir = llvm::any_of(Args, [](llvm::StringRef Arg) {
    return Arg.starts_with("-resource-dir");
  });
  if (!HasResourceDir && !ResourceDir.empty() && !Args.empty())
    Args.insert(Args.begin() + 1, ("-resource-dir=" + ResourceDir).str());
  Command.CommandLine = std::move(Args);
  return Command;
}

} // namespace session_lint
