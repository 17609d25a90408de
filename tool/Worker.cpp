//===--- Worker.cpp - One translation unit in its own process -------------===//

#include "Worker.h"
#include "VfsOverlay.h"
#include "HeaderScope.h"
#include "JsonFormat.h"
#include "ResultCache.h"
#include "UnitAnalysis.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/thread.h"
#include "clang/Basic/Stack.h"
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace session_lint {

namespace {
const unsigned AnalysisStackSize = 256 << 20;

/// In the child: stdin from /dev/null, stdout and stderr to the log.
bool redirectStandardStreams(llvm::StringRef LogPath) {
  int Null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  int Log = ::open(LogPath.str().c_str(),
                   O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  bool Done = Null >= 0 && Log >= 0 && ::dup2(Null, 0) == 0 &&
              ::dup2(Log, 1) == 1 && ::dup2(Log, 2) == 2;
  if (Null > 2)
    ::close(Null);
  if (Log > 2)
    ::close(Log);
  return Done;
}

void stopAtTimeout(int) { ::_exit(WorkerTimedOut); }

/// In the child, first thing: die with the parent, and at the timeout.
void bindLifetime(pid_t Parent, unsigned TimeoutSeconds) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != Parent) // the parent died before prctl
    ::_exit(2);
  // The parent's interruption handling is its own (Scheduler.cpp).
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
  ::signal(SIGHUP, SIG_DFL);
  if (TimeoutSeconds) {
    // SIGALRM interrupts even a read that would block forever (a FIFO the
    // unit includes).
    struct sigaction Action = {};
    Action.sa_handler = stopAtTimeout;
    ::sigaction(SIGALRM, &Action, nullptr);
    ::alarm(TimeoutSeconds);
  }
}
} // namespace

llvm::Expected<llvm::sys::ProcessInfo>
startWorker(const WorkerJob &Job, const Unit &U, llvm::StringRef ResultPath,
            llvm::StringRef LogPath, unsigned TimeoutSeconds) {
  pid_t Parent = ::getpid();
  // Whatever the parent has buffered must not be written twice.
  llvm::outs().flush();
  llvm::errs().flush();
  std::fflush(nullptr);
  pid_t Pid = ::fork();
  if (Pid < 0)
    return llvm::errorCodeToError(
        std::error_code(errno, std::generic_category()));
  if (Pid == 0) {
    bindLifetime(Parent, TimeoutSeconds);
    int Code = redirectStandardStreams(LogPath) ? Job(U, ResultPath) : 2;
    llvm::outs().flush();
    llvm::errs().flush();
    // exit(), not _exit(): the leak checker of sanitized builds runs at exit.
    llvm::sys::Process::Exit(Code);
  }
  llvm::sys::ProcessInfo Process;
  Process.Pid = Process.Process = Pid;
  return Process;
}

int analyzeInWorker(
    const Unit &U, llvm::StringRef ResultPath,
    std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Options,
    bool FixesFromNotes, std::optional<std::string> HeaderFilter,
    bool RecordInputs) {
  HeaderScope Headers(Options->getOptions(U.File), std::move(HeaderFilter));
  clang::tidy::ClangTidyContext Context(
      std::make_unique<AllHeadersToEngine>(std::move(Options)));
  // The parent checked the --vfsoverlay file before the run.
  auto FS = analysisFileSystem();
  if (!FS) {
    llvm::WithColor::error(llvm::errs(), "session-lint worker")
        << llvm::toString(FS.takeError()) << "\n";
    return 2;
  }
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS = *FS;
  // The compiler's parser and our AST walks recurse with the depth of the
  // code; clang itself parses on a thread with a large stack, so the worker
  // does too (deeply nested expressions crash clang-tidy, not session-lint).
  RunResult Result;
  std::vector<InputFile> Inputs;
  llvm::thread Analysis(std::optional<unsigned>(AnalysisStackSize), [&] {
    clang::noteBottomOfStack();
    Result = analyzeUnit(Context, U.Command, BaseFS, FixesFromNotes, Headers,
                         RecordInputs ? &Inputs : nullptr);
  });
  Analysis.join();

  if (RecordInputs) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(inputsPath(ResultPath), EC);
    if (!EC)
      OS << writeInputs(Inputs);
  }

  std::error_code EC;
  llvm::raw_fd_ostream OS(ResultPath, EC);
  if (EC) {
    llvm::WithColor::error(llvm::errs(), "session-lint worker")
        << "cannot write '" << ResultPath << "': " << EC.message() << "\n";
    return 2;
  }
  writeJson(Result, /*SourceRoot=*/"", /*Budget=*/nullptr, OS);
  return 0;
}

std::string inputsPath(llvm::StringRef ResultPath) {
  return ResultPath.str() + ".inputs";
}

} // namespace session_lint
