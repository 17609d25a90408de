//===--- Deployment.h - The connection budget of a deployment (R6) --------===//
//
// `--deployment FILE` names the server's max_connections, a reserve (psql,
// monitoring, migrations), and the kinds of process that connect: how many of
// each run, and which sources each is built from. With the pool capacities
// session-pool-budget found in those sources, the report is the table of the
// seed guideline: component, processes, connections per process, total, and
// the verdict against max_connections - reserved.
//
// The file is read with LLVM's YAML I/O; a wrong key, a negative count, a
// glob that matches nothing, or a pool override that names no pool is an
// error, not a silent default.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_DEPLOYMENT_H
#define SESSION_LINT_TOOL_DEPLOYMENT_H

#include "RunResult.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace session_lint {

struct ProcessKind {
  std::string Name;
  int64_t Count = 0;
  /// Globs over the analyzed files, relative to the deployment file.
  std::vector<std::string> Sources;
  /// Or the files themselves.
  std::vector<std::string> Files;
};

/// A capacity the source does not say: `at: path:line` of the pool.
struct PoolCapacity {
  std::string At;
  int64_t Capacity = 0;
};

struct Deployment {
  int64_t MaxConnections = 0;
  int64_t Reserved = 0;
  std::vector<ProcessKind> Processes;
  std::vector<PoolCapacity> Pools;
  /// The folder paths are relative to.
  std::string BaseDir;
};

/// Reads and validates a deployment file.
llvm::Expected<Deployment> readDeployment(llvm::StringRef Path);

/// Parses and validates deployment YAML \p Text (\p Name in messages);
/// relative paths in it are relative to \p BaseDir.
llvm::Expected<Deployment> parseDeployment(llvm::StringRef Text,
                                           llvm::StringRef Name,
                                           llvm::StringRef BaseDir);

/// One pool construction reported by session-pool-budget.
struct PoolFinding {
  std::string File; // absolute
  unsigned Line = 0;
  std::string Description;
  std::optional<uint64_t> Capacity;
};

/// The pools among a run's remarks.
std::vector<PoolFinding> poolsIn(const RunResult &Result);

/// One process kind's line of the budget table.
struct BudgetRow {
  std::string Name;
  int64_t Processes = 0;
  int64_t PerProcess = 0;
};

/// The seed guideline's table: what the deployment's processes may open
/// together, against what the server accepts.
struct Budget {
  int64_t MaxConnections = 0;
  int64_t Reserved = 0;
  std::vector<BudgetRow> Rows;
  /// Pools whose capacity neither the source nor the deployment gives.
  std::vector<PoolFinding> UnknownCapacity;

  enum class Verdict { Fits, Over, Unproven };
  int64_t available() const { return MaxConnections - Reserved; }
  int64_t processes() const;
  int64_t total() const;
  Verdict verdict() const;
};

/// The budget of \p D over the \p Analyzed files (absolute paths); an error
/// when the deployment does not match them.
llvm::Expected<Budget> computeBudget(const Deployment &D,
                                     llvm::ArrayRef<std::string> Analyzed,
                                     llvm::ArrayRef<PoolFinding> Pools);

/// Prints the table and the verdict.
void printBudget(const Budget &B, llvm::raw_ostream &OS);

llvm::StringRef verdictName(Budget::Verdict V);

} // namespace session_lint

#endif
