//===--- CompilePolicyHook.cpp - session-clangd's compile flags, policed --===//
//
// clangd builds every compiler invocation it parses with (the preamble, the
// main file, code completion, the checks) through clang::createInvocation,
// after its CommandMangler has put in the .clangd CompileFlags edits and
// expanded response files. clangd offers no hook of its own there, and its
// CommandMangler lives in a static library we link whole. createInvocation,
// though, is defined in libclang-cpp.so: this executable defines it too, so
// clangd's calls bind here at link time; this definition applies the
// compile-flag policy (tool/CompilePolicy.h, the same as session-lint's)
// and calls the shared library's through dlsym(RTLD_NEXT).
//
// What is dropped is said once per file and set of flags, on stderr, where
// clangd logs.
//
//===----------------------------------------------------------------------===//

#include "../CompilePolicy.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/Utils.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <dlfcn.h>
#include <mutex>
#include <set>

namespace {

using CreateInvocationFn = std::unique_ptr<clang::CompilerInvocation> (*)(
    llvm::ArrayRef<const char *>, clang::CreateInvocationOptions);

CreateInvocationFn clangsCreateInvocation() {
  static CreateInvocationFn Next = reinterpret_cast<CreateInvocationFn>(
      ::dlsym(RTLD_NEXT, "_ZN5clang16createInvocationEN4llvm8ArrayRefIPKcEENS_"
                         "23CreateInvocationOptionsE"));
  return Next;
}

std::string workingDirectory(const clang::CreateInvocationOptions &Opts) {
  if (Opts.VFS)
    if (auto Dir = Opts.VFS->getCurrentWorkingDirectory())
      return *Dir;
  llvm::SmallString<256> Dir;
  llvm::sys::fs::current_path(Dir);
  return std::string(Dir);
}

/// The file a command compiles: clangd puts it last.
llvm::StringRef mainFile(llvm::ArrayRef<std::string> Args) {
  return Args.empty() ? "" : llvm::StringRef(Args.back());
}

void noteOnce(const std::string &Note) {
  static std::mutex Lock;
  static std::set<std::string> Said;
  std::lock_guard<std::mutex> Guard(Lock);
  if (Said.insert(Note).second)
    llvm::WithColor::note(llvm::errs(), "session-clangd") << Note << "\n";
}

} // namespace

std::unique_ptr<clang::CompilerInvocation>
clang::createInvocation(llvm::ArrayRef<const char *> Args,
                        CreateInvocationOptions Opts) {
  CreateInvocationFn Next = clangsCreateInvocation();
  if (!Next) {
    llvm::WithColor::error(llvm::errs(), "session-clangd")
        << "clang::createInvocation not found in libclang-cpp\n";
    return nullptr;
  }
  std::vector<std::string> Given(Args.begin(), Args.end());
  session_lint::PolicyOutcome Outcome =
      session_lint::applyCompilePolicy(Given, workingDirectory(Opts));
  if (!Outcome.Dropped.empty())
    noteOnce(session_lint::describeDropped(mainFile(Given), Outcome.Dropped));
  std::vector<const char *> Policed;
  for (const std::string &Arg : Outcome.CommandLine)
    Policed.push_back(Arg.c_str());
  return Next(Policed, std::move(Opts));
}
