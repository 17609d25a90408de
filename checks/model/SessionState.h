//===--- SessionState.h - What a statement leaves on its server connection -===//
//
// A pooler in transaction (or statement) mode lends a server connection for
// one transaction and then to the next client. Whatever a statement leaves
// on the connection beyond its transaction is lost to the client that left
// it, and found by a stranger:
//
// * session-level settings: `SET name ...` (not `SET LOCAL`, not
//   `SET TRANSACTION`), `SET SESSION ...`, `set_config(name, value, false)`;
// * named prepared statements: `PREPARE name AS ...` (not `PREPARE
//   TRANSACTION`), and the client libraries' prepare calls (PQprepare,
//   PQsendPrepare, libpqxx's connection::prepare);
// * `LISTEN channel`: the registration stays on the server connection;
// * session-level advisory locks: `pg_advisory_lock`, `pg_try_advisory_lock`
//   and their `_shared` forms (the `_xact_` forms end with the transaction).
//
// Decided from the SQL text a library call runs (through the project's own
// helpers, Transactions.h) and from the library's own prepare calls; never
// from the names of the user's functions or variables.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_SESSIONSTATE_H
#define SESSION_LINT_MODEL_SESSIONSTATE_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang::tidy::session {

enum class SessionState { Setting, PreparedStatement, Listen, AdvisoryLock };

struct SessionStateUse {
  SessionState Kind;
  /// How the statement is spelled, for messages: "SET search_path",
  /// "'find_user'" (a prepared statement's name), "LISTEN orders",
  /// "pg_advisory_lock".
  std::string Spelling;
};

/// The first thing SQL text \p Sql (one or more statements) leaves on its
/// server connection beyond the transaction; nothing when it leaves nothing.
std::optional<SessionStateUse> sessionStateIn(llvm::StringRef Sql);

} // namespace clang::tidy::session

#endif
