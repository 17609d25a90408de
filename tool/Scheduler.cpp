//===--- Scheduler.cpp - Runs the batch's units in worker processes -------===//

#include "Scheduler.h"
#include "JsonFormat.h"
#include "Progress.h"
#include "Worker.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include <chrono>
#include <csignal>
#include <iterator>
#include <sys/wait.h>
#include <thread>

namespace session_lint {
namespace {

using Clock = std::chrono::steady_clock;

/// The signal that interrupted the run (SIGINT, SIGTERM, SIGHUP), or 0. The
/// handler only records it; the batch loop stops its workers, removes the
/// scratch folder, and then dies of the same signal.
volatile sig_atomic_t Interrupted = 0;

void recordInterruption(int Signal) { Interrupted = Signal; }

const int InterruptionSignals[] = {SIGINT, SIGTERM, SIGHUP};

/// Installs recordInterruption for the batch's duration. No SA_RESTART: the
/// wait for a worker returns at once.
class InterruptionScope {
public:
  InterruptionScope() {
    Interrupted = 0;
    struct sigaction Action = {};
    Action.sa_handler = recordInterruption;
    sigemptyset(&Action.sa_mask);
    for (size_t I = 0; I < std::size(InterruptionSignals); ++I)
      ::sigaction(InterruptionSignals[I], &Action, &Saved[I]);
  }
  ~InterruptionScope() {
    for (size_t I = 0; I < std::size(InterruptionSignals); ++I)
      ::sigaction(InterruptionSignals[I], &Saved[I], nullptr);
  }

private:
  struct sigaction Saved[std::size(InterruptionSignals)];
};

struct Running {
  size_t Index;
  llvm::sys::ProcessInfo Process;
  Clock::time_point Started;
  std::string Result, Log;
};

/// What a crashed worker said about where it was (clang's "Stack dump:"
/// lines name the file and the declaration), without the frames.
std::string crashSummary(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return "";
  std::string Summary;
  unsigned Kept = 0;
  llvm::SmallVector<llvm::StringRef> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef Trimmed = Line.trim();
    if (Trimmed.starts_with("#") || Trimmed.contains("PLEASE submit") ||
        Trimmed.contains("warning generated") ||
        Trimmed.contains("warnings generated") ||
        Trimmed.contains("Program arguments:") || Trimmed == "Stack dump:")
      continue;
    if (++Kept > 10)
      break;
    Summary += "  " + Trimmed.str() + "\n";
  }
  return Summary;
}

class Batch {
public:
  Batch(llvm::ArrayRef<Unit> Units, const WorkerJob &Job,
        const ScheduleOptions &Options, llvm::raw_ostream &Log,
        llvm::StringRef TempDir)
      : Units(Units), Job(Job), Options(Options), Log(Log),
        TempDir(TempDir),
        Bar(Units.size(), Options.ShowProgress, llvm::errs()) {}

  RunResult run() {
    size_t Next = 0;
    std::vector<Running> Active;
    while (Next < Units.size() || !Active.empty()) {
      if (Interrupted) {
        for (Running &R : Active) {
          ::kill(R.Process.Pid, SIGKILL);
          llvm::sys::Wait(R.Process, std::nullopt);
        }
        Bar.clear();
        return std::move(Result);
      }
      while (Next < Units.size() && Active.size() < std::max(1u, Options.Jobs))
        start(Next++, Active);
      bool AnyDone = false;
      for (size_t I = 0; I < Active.size();) {
        if (poll(Active[I])) {
          Active.erase(Active.begin() + I);
          AnyDone = true;
        } else {
          ++I;
        }
      }
      if (!AnyDone)
        waitForAnyWorker();
    }
    Bar.clear();
    llvm::sort(WorkerLogs);
    for (const auto &[File, Said] : WorkerLogs)
      Log << "session-lint: the worker analyzing " << File
          << " stopped; it said:\n" << Said;
    normalize(Result);
    return std::move(Result);
  }

private:
  /// Until some worker has finished, or a while when one may have to be
  /// stopped for its timeout.
  void waitForAnyWorker() {
    if (Options.TimeoutSeconds) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return;
    }
    siginfo_t Info;
    ::waitid(P_ALL, 0, &Info, WEXITED | WNOWAIT); // poll() reaps it
  }

  std::string tempPath(size_t Index, llvm::StringRef Suffix) {
    llvm::SmallString<256> Path(TempDir);
    llvm::sys::path::append(Path, std::to_string(Index) + Suffix);
    return std::string(Path);
  }

  void start(size_t Index, std::vector<Running> &Active) {
    const Unit &U = Units[Index];
    Result.Units.push_back(U.File);
    if (Options.Cache)
      if (std::optional<std::string> Stored = Options.Cache->lookup(U)) {
        Bar.started(U.File);
        if (llvm::Expected<RunResult> Unit = readJson(*Stored, "")) {
          merge(std::move(*Unit));
          return;
        } else {
          llvm::consumeError(Unit.takeError()); // analyze it after all
        }
      }
    Running R{Index, {}, Clock::now(), tempPath(Index, ".result.json"),
              tempPath(Index, ".log")};
    auto Process =
        startWorker(Job, U, R.Result, R.Log, Options.TimeoutSeconds);
    if (!Process) {
      fail(Index,
           "cannot start its worker: " + llvm::toString(Process.takeError()));
      return;
    }
    R.Process = *Process;
    Bar.started(U.File);
    Active.push_back(std::move(R));
  }

  /// True when the worker is done (or was stopped).
  bool poll(Running &R) {
    std::string Error;
    llvm::sys::ProcessInfo Status =
        llvm::sys::Wait(R.Process, /*SecondsToWait=*/0, &Error);
    if (Status.Pid == 0) {
      if (!Options.TimeoutSeconds ||
          Clock::now() - R.Started < std::chrono::seconds(Options.TimeoutSeconds))
        return false;
      ::kill(R.Process.Pid, SIGKILL);
      llvm::sys::Wait(R.Process, std::nullopt);
      fail(R.Index, "timed out after " + std::to_string(Options.TimeoutSeconds) +
                        " s (--timeout)");
      return true;
    }
    if (Status.ReturnCode == WorkerTimedOut && Options.TimeoutSeconds) {
      fail(R.Index, "timed out after " + std::to_string(Options.TimeoutSeconds) +
                        " s (--timeout)");
      return true;
    }
    if (Status.ReturnCode != 0) {
      std::string Why = Status.ReturnCode == -2
                            ? "the analysis crashed (" + Error + ")"
                            : "its worker failed with exit code " +
                                  std::to_string(Status.ReturnCode);
      std::string Said = crashSummary(R.Log);
      if (!Said.empty())
        WorkerLogs.push_back({Units[R.Index].File, Said});
      fail(R.Index, Why);
      return true;
    }
    auto Buffer = llvm::MemoryBuffer::getFile(R.Result);
    llvm::Expected<RunResult> Unit =
        Buffer ? readJson((*Buffer)->getBuffer(), "")
               : llvm::Expected<RunResult>(
                     llvm::errorCodeToError(Buffer.getError()));
    if (!Unit) {
      fail(R.Index, "its worker wrote no readable result: " +
                        llvm::toString(Unit.takeError()));
      return true;
    }
    if (Options.Cache && Unit->Failures.empty()) {
      if (auto Inputs = llvm::MemoryBuffer::getFile(inputsPath(R.Result))) {
        if (auto Read = readInputs((*Inputs)->getBuffer()))
          Options.Cache->store(Units[R.Index], *Read, (*Buffer)->getBuffer());
        else
          llvm::consumeError(Read.takeError());
      }
    }
    merge(std::move(*Unit));
    return true;
  }

  void merge(RunResult Unit) {
    // A header's finding counts once, as the output shows it, however many
    // units include the header.
    unsigned Before = Result.findingCount();
    mergeInto(Result, std::move(Unit));
    Bar.finished(Result.findingCount() - Before);
  }

  /// Failures are reported with the results, in order; only what a crashed
  /// worker said goes to the log here.
  void fail(size_t Index, std::string Reason) {
    Result.Failures.push_back({Units[Index].File, std::move(Reason)});
    Bar.finished(0);
  }

  llvm::ArrayRef<Unit> Units;
  const WorkerJob &Job;
  const ScheduleOptions &Options;
  llvm::raw_ostream &Log;
  std::string TempDir;
  Progress Bar;
  RunResult Result;
  std::vector<std::pair<std::string, std::string>> WorkerLogs;
};

} // namespace

llvm::Expected<RunResult> runUnits(llvm::ArrayRef<Unit> Units,
                                   const WorkerJob &Job,
                                   const ScheduleOptions &Options,
                                   llvm::raw_ostream &Log) {
  llvm::SmallString<256> TempDir;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("session-lint", TempDir))
    return llvm::createStringError(EC, "cannot create a temporary folder: " +
                                           EC.message());
  RunResult Result;
  {
    InterruptionScope Scope;
    Result = Batch(Units, Job, Options, Log, TempDir).run();
    llvm::sys::fs::remove_directories(TempDir);
  }
  if (int Signal = Interrupted) {
    // Die as the signal meant, now that nothing is left behind.
    ::signal(Signal, SIG_DFL);
    ::raise(Signal);
  }
  return Result;
}

} // namespace session_lint
