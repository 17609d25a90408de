//===--- Worker.h - One translation unit in its own process ---------------===//
//
// The batch runs each unit in a worker process: the same executable, started
// with --worker-unit=REQUEST --worker-result=RESULT. A unit that crashes the
// frontend, hangs, or exhausts memory then costs only its own result; the
// other units' findings are never lost, and units run in parallel without
// sharing the engine's state. The request is the unit's (already safe)
// compile command; the result is the JSON format of JsonFormat.h.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_WORKER_H
#define SESSION_LINT_TOOL_WORKER_H

#include "ClangTidyOptions.h"
#include "Units.h"
#include "llvm/Support/Error.h"

namespace session_lint {

/// Writes the request file of \p U.
llvm::Error writeWorkerRequest(const Unit &U, llvm::StringRef Path);

/// The worker's side: analyzes the requested unit and writes the result.
/// Returns the process's exit code.
int runWorker(llvm::StringRef RequestPath, llvm::StringRef ResultPath,
              std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Options,
              bool FixesFromNotes);

} // namespace session_lint

#endif
