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
// `--deployment` also takes the files teams already keep, or our file names
// them (`compose:`, `kubernetes:`, `pgbouncer:`): a docker-compose.yml
// (deployment/Compose.h), Kubernetes manifests (deployment/Kubernetes.h), and
// a pgbouncer.ini (deployment/PgBouncer.h). They give the process counts, the
// server's max_connections and the pooler; which sources a component runs
// comes from our file or from an annotation in theirs.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_DEPLOYMENT_H
#define SESSION_LINT_TOOL_DEPLOYMENT_H

#include "RunResult.h"
#include "deployment/PgBouncer.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace session_lint {

struct ProcessKind {
  std::string Name;
  /// Processes at the replica counts configured now. In our file, NotGiven
  /// when the count comes from the Compose file or manifests it names.
  int64_t Count = 0;
  static constexpr int64_t NotGiven = INT64_MIN;
  /// Processes at the most replicas an autoscaler may start.
  std::optional<int64_t> WorstCount;
  /// How the counts were read, for the report: "2 replicas × uvicorn
  /// --workers 4 (docker-compose.yml service 'api')".
  std::string CountedFrom;
  /// Why the count could not be read, said only if the component counts.
  std::string CountProblem;
  /// Workers in one process that may each ask for a connection at once.
  std::optional<int64_t> Threads;
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
  /// Where max_connections was read, when not from our file.
  std::string MaxConnectionsFrom;
  int64_t Reserved = 0;
  std::vector<ProcessKind> Processes;
  std::vector<PoolCapacity> Pools;
  /// The folder paths are relative to.
  std::string BaseDir;
  /// The other files our file names (relative to BaseDir).
  std::string Compose, Kubernetes, PgBouncer;
  std::optional<Pooler> Pool;
  /// What the report says besides the table: components left out, settings
  /// that look like limits but are not.
  std::vector<std::string> Notes;
};

/// Reads and validates a deployment: our YAML, a Compose file, a Kubernetes
/// manifest or a folder of them.
llvm::Expected<Deployment> readDeployment(llvm::StringRef Path);

/// Parses and validates deployment YAML \p Text (\p Name in messages) of
/// any of those kinds; relative paths in it are relative to \p BaseDir.
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

/// A session the run found opened outside any pool: a member, a static, an
/// unscoped acquisition. Its connections are in no pool's capacity, so no
/// budget counted from the pools covers it.
struct SessionOutsidePool {
  std::string File; // absolute
  unsigned Line = 0;
  std::string Check;
  std::string Text;
};

/// Those among a run's findings (baselined ones too: they still connect).
std::vector<SessionOutsidePool> sessionsOutsidePools(const RunResult &Result);

/// One process kind's line of the budget table.
struct BudgetRow {
  std::string Name;
  /// The worst case: under autoscaling, at the most replicas.
  int64_t Processes = 0;
  /// At the replicas configured now, when autoscaling may add more.
  std::optional<int64_t> ProcessesNow;
  int64_t PerProcess = 0;
  std::string CountedFrom;
  std::optional<int64_t> Threads;
  /// The pools PerProcess adds up, each with the capacity counted (none
  /// when unknown).
  std::vector<PoolFinding> Pools;
  int64_t total() const { return Processes * PerProcess; }
};

/// The seed guideline's table: what the deployment's processes may open
/// together, against what the server accepts.
struct Budget {
  int64_t MaxConnections = 0;
  std::string MaxConnectionsFrom;
  int64_t Reserved = 0;
  std::vector<BudgetRow> Rows;
  /// Pools whose capacity neither the source nor the deployment gives.
  std::vector<PoolFinding> UnknownCapacity;
  /// Sessions opened outside any pool: the total is a floor, not a bound.
  std::vector<SessionOutsidePool> OutsidePools;
  std::optional<Pooler> Pool;
  std::vector<std::string> Notes;

  enum class Verdict { Fits, Over, Unproven };
  int64_t available() const { return MaxConnections - Reserved; }
  int64_t processes() const;
  /// Client connections of every process at the worst case.
  int64_t total() const;
  /// The same at the replicas configured now.
  int64_t totalNow() const;
  bool autoscales() const;
  /// Connections PostgreSQL sees: the processes' own, or the pooler's.
  int64_t serverConnections() const;
  /// Client side (with a pooler): clients into it against max_client_conn,
  /// and in session mode against the server connections it can lend.
  Verdict clientVerdict() const;
  /// Server side: serverConnections() against max_connections - reserved.
  Verdict serverVerdict() const;
  /// Over when either side is; unproven when a capacity is unknown or a
  /// session is opened outside any pool.
  Verdict verdict() const;
  /// Why the verdict is unproven: "2 pool(s) have an unknown capacity",
  /// "1 session(s) are opened outside any pool", or both.
  std::string unprovenBecause() const;
};

/// The budget of \p D over the \p Analyzed files (absolute paths); an error
/// when the deployment does not match them.
llvm::Expected<Budget> computeBudget(
    const Deployment &D, llvm::ArrayRef<std::string> Analyzed,
    llvm::ArrayRef<PoolFinding> Pools,
    llvm::ArrayRef<SessionOutsidePool> OutsidePools = {});

/// Prints the table and the verdict.
void printBudget(const Budget &B, llvm::raw_ostream &OS);

llvm::StringRef verdictName(Budget::Verdict V);

} // namespace session_lint

#endif
