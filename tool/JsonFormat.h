//===--- JsonFormat.h - session-lint's JSON output, and reading it back ---===//
//
// `--format=json` writes a run's results for programs: findings, remarks
// (the pool audit), compiler diagnostics, the units analyzed and those that
// failed, what the engine, the baseline and the diff filter left out, and
// the connection budget. The same document carries a worker's results to the
// batch and a shard's results to `session-lint merge`, so reading it back
// loses nothing the outputs need.
//
// Paths are written relative to the source root (absolute when outside it)
// and keys in a fixed order, so that equal runs give equal bytes.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_JSONFORMAT_H
#define SESSION_LINT_TOOL_JSONFORMAT_H

#include "Deployment.h"
#include "RunResult.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace session_lint {

void writeJson(const RunResult &Result, llvm::StringRef SourceRoot,
               const Budget *Budget, llvm::raw_ostream &OS);

llvm::Expected<RunResult> readJson(llvm::StringRef Text,
                                   llvm::StringRef SourceRoot);

/// The document as an object of \p J; without the findings, it is what
/// SARIF's run properties carry besides the results.
void writeJsonDocument(llvm::json::OStream &J, const RunResult &Result,
                       llvm::StringRef SourceRoot, const Budget *Budget,
                       bool WithFindings);

llvm::Expected<RunResult> readJsonDocument(const llvm::json::Value &Document,
                                           llvm::StringRef SourceRoot);

} // namespace session_lint

#endif
