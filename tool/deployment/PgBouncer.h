//===--- PgBouncer.h - A connection pooler between the processes and the server
//
// With PgBouncer in front of PostgreSQL the budget has two sides (seed 004,
// "当前方案": 315 client connections mapped onto about 50 server ones):
//
// * clients: every process's pool connects to PgBouncer, which accepts up to
//   `max_client_conn`;
// * servers: PgBouncer opens, per database (and user), up to the database's
//   `pool_size` (else `default_pool_size`) plus `reserve_pool_size`, capped by
//   `max_db_connections`; their sum is what PostgreSQL sees.
//
// In `session` mode a client keeps its server connection for as long as it
// is connected; pools that hold their connections open therefore need one
// server connection each, and the clients beyond the server pools wait
// (query_wait_timeout). In `transaction` and `statement` mode a server
// connection is lent per transaction, which is what makes 315 → 50 work —
// and what breaks session state (session-pooler-session-state).
//
// Read from pgbouncer.ini: [pgbouncer] settings with PgBouncer's defaults,
// [databases] entries with their own pool_size / max_db_connections /
// pool_mode. `%include` is refused rather than half-read.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_DEPLOYMENT_PGBOUNCER_H
#define SESSION_LINT_TOOL_DEPLOYMENT_PGBOUNCER_H

#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace session_lint {

struct Pooler {
  /// Where it was read: "pgbouncer.ini", "deploy/pgbouncer.ini".
  std::string From;
  std::string Mode = "session";
  int64_t MaxClientConn = 100;
  int64_t DefaultPoolSize = 20;
  int64_t ReservePoolSize = 0;
  int64_t MaxDbConnections = 0; // 0: no cap
  struct Database {
    std::string Name;
    std::optional<int64_t> PoolSize;
    std::optional<int64_t> MaxDbConnections;
    std::string Mode; // its own pool_mode, when it sets one
    unsigned Line = 0;
  };
  std::vector<Database> Databases;
  /// PgBouncer processes (replicas): each has its own pools.
  int64_t Instances = 1;
  /// The file read (absolute, empty for settings from an environment) and
  /// the line of max_client_conn in it (0 when not set): where a SARIF
  /// result on the client side points.
  std::string Path;
  unsigned MaxClientConnLine = 0;

  /// Lends a server connection per transaction (or statement).
  bool lendsPerTransaction() const { return Mode != "session"; }
  /// Client connections all instances accept.
  int64_t clientCapacity() const { return Instances * MaxClientConn; }
  /// The most server connections PgBouncer opens to PostgreSQL.
  int64_t serverConnections() const;
  /// How serverConnections() was summed, for the report.
  std::string serverConnectionsExplained() const;
};

/// Parses pgbouncer.ini text (\p Name in messages).
llvm::Expected<Pooler> parsePgBouncerIni(llvm::StringRef Text,
                                         llvm::StringRef Name);

/// Reads \p Path (a regular file, size-limited); \p Shown names it in
/// messages and in the report.
llvm::Expected<Pooler> readPgBouncerIni(llvm::StringRef Path,
                                        llvm::StringRef Shown);

/// One variable of the environment PgBouncer's container images turn into
/// pgbouncer.ini (`PGBOUNCER_POOL_MODE`, `MAX_CLIENT_CONN`, ...), applied to
/// \p P: Compose and Kubernetes read the same images.
enum class PoolerSetting { NotOne, Applied, NotACount };
PoolerSetting applyPoolerEnvironment(Pooler &P, llvm::StringRef Key,
                                     llvm::StringRef Value);

} // namespace session_lint

#endif
