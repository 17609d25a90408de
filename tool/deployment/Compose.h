//===--- Compose.h - A deployment from docker-compose.yml -----------------===//
//
// What a Compose file says about the connection budget:
//
// * each service is a component; `deploy.replicas` (or the older `scale`)
//   containers run it, each with the processes its command starts
//   (Commands.h: `uvicorn --workers 4`, `celery worker --concurrency=8`);
// * the PostgreSQL service — its image is postgres, or its command runs
//   `postgres` — gives max_connections: `-c max_connections=N` in `command:`
//   as a string or a list, else a mounted postgresql.conf, else the server's
//   default of 100. The seed guideline's `POSTGRES_MAX_CONNECTIONS`
//   environment variable is read by no postgres image; the report says so
//   when it disagrees with the real setting;
// * a PgBouncer service gives the pooler: its mounted pgbouncer.ini, or the
//   environment variables the common images turn into one (POOL_MODE,
//   DEFAULT_POOL_SIZE, ... with or without a PGBOUNCER_ prefix);
// * `x-session-lint:` on a service names what Compose cannot know: its
//   `sources` (globs) or `files`, and where its command does not say them,
//   `processes` per container and `threads` (workers that may each ask for
//   a connection at once).
//
// A service with no sources (redis, nginx, the database itself) is not a
// component of the budget; the report lists the ones left out.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_DEPLOYMENT_COMPOSE_H
#define SESSION_LINT_TOOL_DEPLOYMENT_COMPOSE_H

#include "Deployment.h"
#include "YamlTree.h"

namespace session_lint {

/// A Compose file: a mapping with a `services` mapping.
bool isComposeFile(const YamlNode &Root);

/// The deployment \p Root (read from \p Name) describes; files it mounts are
/// read relative to \p BaseDir. Components keep Sources/Files as written.
llvm::Expected<Deployment> readCompose(const YamlNode &Root,
                                       llvm::StringRef Name,
                                       llvm::StringRef BaseDir);

} // namespace session_lint

#endif
