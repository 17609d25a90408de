//===--- Worker.h - One translation unit in its own process ---------------===//
//
// The batch runs each unit in a worker process, a fork of session-lint
// itself. A unit that crashes the frontend, hangs, or exhausts memory then
// costs only its own result; the other units' findings are never lost, and
// units run in parallel without sharing the engine's state. A fork rather
// than a new program: the child starts with the libraries loaded and the
// options parsed, so a worker costs about a millisecond instead of the
// ~15 ms an LLVM program spends starting (most of a small file's parse).
// The worker writes its result in the JSON format of JsonFormat.h.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_WORKER_H
#define SESSION_LINT_TOOL_WORKER_H

#include "ClangTidyOptions.h"
#include "Units.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Program.h"

namespace session_lint {

/// What a worker runs: analyzes \p U, writes the result to \p ResultPath,
/// and returns the worker's exit code.
using WorkerJob = std::function<int(const Unit &U, llvm::StringRef ResultPath)>;

/// The exit code of a worker that stopped itself at its timeout.
constexpr int WorkerTimedOut = 124;

/// Starts a worker process running \p Job on \p U, with its standard output
/// and error in \p LogPath and no standard input. The worker dies with the
/// parent (a CI runner that kills only session-lint leaves no analysis
/// running), and with \p TimeoutSeconds (0 = none) it stops itself after
/// that long, even when blocked where the parent's own deadline could miss
/// it.
llvm::Expected<llvm::sys::ProcessInfo>
startWorker(const WorkerJob &Job, const Unit &U, llvm::StringRef ResultPath,
            llvm::StringRef LogPath, unsigned TimeoutSeconds);

/// The job: the analysis of UnitAnalysis.h on a thread with the stack clang
/// parses on, its result written as JSON. \p HeaderFilter is
/// --header-filter when it was given (HeaderScope.h). With \p RecordInputs,
/// the files the unit read go to inputsPath(ResultPath) (ResultCache.h).
int analyzeInWorker(
    const Unit &U, llvm::StringRef ResultPath,
    std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Options,
    bool FixesFromNotes, std::optional<std::string> HeaderFilter,
    bool RecordInputs = false);

/// Where a worker writing \p ResultPath lists the files its unit read.
std::string inputsPath(llvm::StringRef ResultPath);

} // namespace session_lint

#endif
