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

/// A place in a deployment file, for SARIF results: the file as read
/// (absolute) and a line, 0 when unknown.
struct FileLine {
  std::string File;
  unsigned Line = 0;
};

/// \p File made absolute (against the working folder) and \p Line.
FileLine fileLine(llvm::StringRef File, unsigned Line);

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
  /// Replicas (containers, pods) and processes in each, when a Compose file
  /// or manifest gave them: Count = Replicas × PerReplica.
  std::optional<int64_t> Replicas, WorstReplicas;
  int64_t PerReplica = 0;
  /// Where the component is declared.
  FileLine At;
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
  /// The line that sets it, or the deployment file itself.
  FileLine MaxConnectionsAt;
  int64_t Reserved = 0;
  std::vector<ProcessKind> Processes;
  std::vector<PoolCapacity> Pools;
  /// The folder paths are relative to.
  std::string BaseDir;
  /// The file or folder given to --deployment, absolute.
  std::string File;
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

/// Workers per process the sources start, or a semaphore's cap on those
/// that use the database at once (session-pool-budget's remarks on them,
/// checks/model/Workers.h).
struct WorkerFinding {
  std::string File; // absolute
  unsigned Line = 0;
  std::string Description;
  uint64_t Count = 0;
  bool CapsDatabaseWork = false;
};

std::vector<WorkerFinding> workersIn(const RunResult &Result);

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
  /// Replicas × processes per replica, when the deployment said them.
  std::optional<int64_t> Replicas, ReplicasNow;
  int64_t PerReplica = 0;
  FileLine At;
  /// Workers per process the deployment declares.
  std::optional<int64_t> Threads;
  /// Workers per process the component's sources start, and where
  /// ("src/api.cpp:12", relative to the deployment file).
  std::optional<int64_t> SourceWorkers;
  std::vector<std::string> SourceWorkersAt;
  /// A semaphore's cap on the workers that use the database at once.
  std::optional<int64_t> DatabaseCap;
  std::vector<std::string> DatabaseCapAt;
  /// The pools PerProcess adds up, each with the capacity counted (none
  /// when unknown).
  std::vector<PoolFinding> Pools;
  int64_t total() const { return Processes * PerProcess; }
  /// Workers per process that may ask for a connection at once: the
  /// deployment's, else the sources', capped by a semaphore.
  std::optional<int64_t> workers() const;
};

/// The seed guideline's table: what the deployment's processes may open
/// together, against what the server accepts.
struct Budget {
  int64_t MaxConnections = 0;
  std::string MaxConnectionsFrom;
  FileLine MaxConnectionsAt;
  /// The file or folder given to --deployment, absolute.
  std::string DeploymentFile;
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
llvm::Expected<Budget>
computeBudget(const Deployment &D, llvm::ArrayRef<std::string> Analyzed,
              llvm::ArrayRef<PoolFinding> Pools,
              llvm::ArrayRef<WorkerFinding> Workers = {},
              llvm::ArrayRef<SessionOutsidePool> OutsidePools = {});

/// Prints the table and the verdict.
void printBudget(const Budget &B, llvm::raw_ostream &OS);

llvm::StringRef verdictName(Budget::Verdict V);

} // namespace session_lint

#endif
