//===--- Scheduler.h - Runs the batch's units in worker processes ---------===//
//
// Up to -j workers at a time (see Worker.h), each unit in its own process.
// A worker that crashes, is killed, or runs past the per-unit timeout makes
// its unit a failure with the reason; every other unit's result is kept.
// Results are merged and normalized, so the output does not depend on -j or
// on the order in which workers finish.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_SCHEDULER_H
#define SESSION_LINT_TOOL_SCHEDULER_H

#include "ResultCache.h"
#include "RunResult.h"
#include "Units.h"
#include "Worker.h"
#include "llvm/Support/raw_ostream.h"

namespace session_lint {

struct ScheduleOptions {
  unsigned Jobs = 1;
  unsigned TimeoutSeconds = 0; // 0 = none
  bool ShowProgress = false;
  /// --cache-dir: units whose result it has are replayed, not analyzed, and
  /// the workers' results are stored in it (ResultCache.h).
  ResultCache *Cache = nullptr;
};

/// Analyzes \p Units; messages about failed workers go to \p Log.
llvm::Expected<RunResult> runUnits(llvm::ArrayRef<Unit> Units,
                                   const WorkerJob &Job,
                                   const ScheduleOptions &Options,
                                   llvm::raw_ostream &Log);

} // namespace session_lint

#endif
