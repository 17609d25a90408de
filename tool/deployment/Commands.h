//===--- Commands.h - What a container's command line says ----------------===//
//
// Compose `command:` and Kubernetes `command`/`args` are the only place many
// deployments write how many processes a container runs and what
// max_connections the server gets. Both come as one string
// (`postgres -c max_connections=100`) or a list (`["-c",
// "max_connections=100"]`), sometimes wrapped in `sh -c "..."`; they are
// split into words here, and read by what the program's own options mean:
//
// * `uvicorn --workers N`, `gunicorn -w N` (or WEB_CONCURRENCY, which both
//   read): N processes, each with its own pool; `gunicorn --threads T`: T
//   workers in each process, sharing its pool;
// * `celery worker --concurrency N` with the prefork pool (celery's
//   default): N children and the main process, each with a pool — the seed
//   guideline counts "1 main + 4 children" as 5; with a thread, gevent or
//   eventlet pool, one process whose N workers share one pool;
// * `postgres -c max_connections=N` (or `-N N`, `--max_connections=N`), and
//   `-c config_file=PATH` for a mounted postgresql.conf.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_DEPLOYMENT_COMMANDS_H
#define SESSION_LINT_TOOL_DEPLOYMENT_COMMANDS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace session_lint {

/// Words of a command given as a string or as a list whose items may hold
/// several words themselves (`sh -c "celery worker -c 4"`); quotes group.
std::vector<std::string> commandWords(llvm::ArrayRef<std::string> Parts);

using Environment = std::vector<std::pair<std::string, std::string>>;

/// Processes one container runs, read from its command line.
struct ProcessCount {
  int64_t Processes = 1;
  /// Workers inside one process that may each ask for a connection (a
  /// celery thread pool), when the command says.
  std::optional<int64_t> Threads;
  /// Where the count comes from: "uvicorn --workers 4".
  std::string Evidence;
};

/// The count when the command runs a server the options of which say it;
/// nothing for any other program. An error text in \p Problem when the
/// command runs such a server without saying the number (celery defaults to
/// one process per CPU of the machine it lands on).
std::optional<ProcessCount> processesOfCommand(llvm::ArrayRef<std::string> Words,
                                               const Environment &Env,
                                               std::string &Problem);

/// PostgreSQL settings from a `postgres` command line.
struct PostgresCommand {
  bool RunsPostgres = false;
  std::optional<int64_t> MaxConnections;
  std::string MaxConnectionsWords; // "-c max_connections=100"
  std::string ConfigFile;          // -c config_file=..., inside the container
};
PostgresCommand postgresCommand(llvm::ArrayRef<std::string> Words);

/// max_connections of a postgresql.conf text (the last setting wins, as in
/// the server); nothing when it is not set (the server's default is 100).
std::optional<int64_t> maxConnectionsInConf(llvm::StringRef Text);

/// True when container image \p Image is \p Name's (`postgres:15-alpine`,
/// `bitnami/postgresql:15`, `edoburu/pgbouncer@sha256:…`).
bool imageIs(llvm::StringRef Image, llvm::StringRef Name);

/// PostgreSQL's default max_connections.
constexpr int64_t PostgresDefaultMaxConnections = 100;

/// The largest count any deployment file may give: far above any real
/// deployment, and small enough that replicas × processes × pool sizes
/// cannot overflow.
constexpr int64_t CountLimit = 1000000;

/// A count in \p Text ("4", "'4'"), if it is one within CountLimit.
std::optional<int64_t> parseCount(llvm::StringRef Text);

} // namespace session_lint

#endif
