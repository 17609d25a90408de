// Tests session-pooler-session-state against the real libpq and libpqxx
// headers: behind a pooler in transaction mode, state a statement leaves on
// its server connection beyond the transaction — session-level settings,
// named prepared statements, LISTEN, session-level advisory locks — is lost
// or handed to another client. Decided from the SQL text and the library's
// prepare calls, never from names. In session mode (the default, and what no
// pooler amounts to) the check is silent.
// RUN: %check_session --checks=-*,session-pooler-session-state --config="{CheckOptions: {PoolMode: transaction}}" %s -- %libpq_flags
// RUN: %check_session --checks=-*,session-pooler-session-state --config="{CheckOptions: {PoolMode: statement}}" --check-suffix=STATEMENT %s -- %libpq_flags
// RUN: %check_session --checks=-*,session-pooler-session-state --check-suffix=SESSION %s -- %libpq_flags

#include <libpq-fe.h>
#include <pqxx/pqxx>
#include <string>

void settings(pqxx::connection &Conn) {
  pqxx::work Tx(Conn);
  Tx.exec("SET search_path TO tenant_42");
// CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'SET search_path' changes a session-level setting, which a pooler in transaction mode does not keep: the next transaction may run on another server connection, and this one carries the setting to another client; use SET LOCAL inside the transaction, or set it for the role or database (ALTER ROLE ... SET) [session-pooler-session-state]
// CHECK-MESSAGES-STATEMENT: :[[@LINE-2]]:11: warning: 'SET search_path' changes a session-level setting, which a pooler in statement mode does not keep
  Tx.exec("SET SESSION statement_timeout = 5000");
// CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'SET SESSION statement_timeout' changes a session-level setting{{.*}}[session-pooler-session-state]
// CHECK-MESSAGES-STATEMENT: :[[@LINE-2]]:11: warning: 'SET SESSION statement_timeout'
  Tx.exec("SELECT set_config('app.user_id', '42', false)");
// CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'set_config(..., false)' changes a session-level setting{{.*}}[session-pooler-session-state]
// CHECK-MESSAGES-STATEMENT: :[[@LINE-2]]:11: warning: 'set_config(..., false)'
  // Scoped to the transaction: fine.
  Tx.exec("SET LOCAL search_path TO tenant_42");
  Tx.exec("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  Tx.exec("SELECT set_config('app.user_id', '42', true)");
  Tx.commit();
  Conn.set_variable("application_name", "'billing'");
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SET application_name' changes a session-level setting{{.*}}[session-pooler-session-state]
// CHECK-MESSAGES-STATEMENT: :[[@LINE-2]]:3: warning: 'SET application_name'
}

void prepared(pqxx::connection &Conn, int Id) {
  Conn.prepare("find_user", "SELECT name FROM users WHERE id = $1");
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: prepared statement 'find_user' is created on one server connection; behind a pooler in transaction mode the statements that execute it may run on another ('prepared statement does not exist'); run the SQL with parameters instead (PQexecParams, exec_params) [session-pooler-session-state]
// CHECK-MESSAGES-STATEMENT: :[[@LINE-2]]:3: warning: prepared statement 'find_user'
  pqxx::work Tx(Conn);
  Tx.exec("PREPARE find_order (int) AS SELECT * FROM orders WHERE id = $1");
// CHECK-MESSAGES: :[[@LINE-1]]:11: warning: prepared statement 'find_order' is created on one server connection{{.*}}[session-pooler-session-state]
// CHECK-MESSAGES-STATEMENT: :[[@LINE-2]]:11: warning: prepared statement 'find_order'
  // Parameters in one round trip, and two-phase commit: fine.
  Tx.exec_params("SELECT name FROM users WHERE id = $1", Id);
  Tx.exec("PREPARE TRANSACTION 'billing-1'");
  Tx.commit();
}

void notifications(pqxx::connection &Conn) {
  pqxx::nontransaction Tx(Conn);
  Tx.exec("LISTEN orders_changed");
// CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'LISTEN orders_changed' registers on one server connection, which a pooler in transaction mode lends to other clients after the transaction: the notifications go astray; listen on a direct connection to the server [session-pooler-session-state]
// CHECK-MESSAGES-STATEMENT: :[[@LINE-2]]:11: warning: 'LISTEN orders_changed'
  Tx.exec("NOTIFY orders_changed");
}

void locks(PGconn *Conn) {
  PQclear(PQexec(Conn, "SELECT pg_advisory_lock(42)"));
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: session-level advisory lock 'pg_advisory_lock' stays with the server connection after the transaction, which a pooler in transaction mode lends to other clients; use the transaction-level form (pg_advisory_xact_lock) inside the transaction [session-pooler-session-state]
// CHECK-MESSAGES-STATEMENT: :[[@LINE-2]]:24: warning: session-level advisory lock 'pg_advisory_lock'
  PQclear(PQexec(Conn, "SELECT pg_try_advisory_lock_shared(7)"));
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: session-level advisory lock 'pg_try_advisory_lock_shared'{{.*}}[session-pooler-session-state]
// CHECK-MESSAGES-STATEMENT: :[[@LINE-2]]:24: warning: session-level advisory lock 'pg_try_advisory_lock_shared'
  PQclear(PQexec(Conn, "SELECT pg_advisory_xact_lock(42)"));
  PQclear(PQexec(Conn, "SELECT my_pg_advisory_lock(42)"));
}

void libpqPrepare(PGconn *Conn, const char *const *Values) {
  PGresult *Result = PQprepare(Conn, "stmt_find", "SELECT 1", 0, nullptr);
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: prepared statement 'stmt_find' is created on one server connection{{.*}}[session-pooler-session-state]
// CHECK-MESSAGES-STATEMENT: :[[@LINE-2]]:22: warning: prepared statement 'stmt_find'
  PQclear(Result);
  PQclear(PQexecParams(Conn, "SELECT $1::int", 1, nullptr, Values, nullptr,
                       nullptr, 0));
}

// Through the project's own helper: the text its caller passes counts.
void run(PGconn *Conn, const char *Sql) { PQclear(PQexec(Conn, Sql)); }
void tenant(PGconn *Conn) {
  run(Conn, "SET app.tenant = '42'");
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'SET app.tenant' changes a session-level setting{{.*}}[session-pooler-session-state]
// CHECK-MESSAGES-STATEMENT: :[[@LINE-2]]:13: warning: 'SET app.tenant'
}

// Names do not decide: a function named like a setter that runs no SQL, a
// message that mentions SET, SQL text the code never runs.
void set_search_path(const std::string &) {}
void prepare_listen_lock() {
  std::string Message = "SET search_path failed; LISTEN later";
  set_search_path(Message);
  set_search_path("SET search_path TO x");
}
