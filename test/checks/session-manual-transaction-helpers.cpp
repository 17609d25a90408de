// Tests session-manual-transaction through the project's own helpers: SQL
// text forwarded by a free helper or by the class's own exec-like method,
// the end text chosen at run time, and a begin tested through a predicate.
// RUN: %check_session --checks=-*,session-manual-transaction %s -- %libpq_flags %mariadb_flags

#include <libpq-fe.h>
#include <mysql.h>
#include <sqlite3.h>
#include <stdexcept>
#include <string>

// --- A free helper that forwards SQL text -------------------------------

static int runSql(MYSQL *Conn, const std::string &Sql) noexcept {
  return mysql_real_query(Conn, Sql.data(), Sql.size());
}

bool archiveOrders(MYSQL *Conn) {
  runSql(Conn, "BEGIN");
// CHECK-NOTES: :[[@LINE-1]]:3: warning: transaction begun with 'BEGIN' on 'Conn' is not ended on every path out of 'archiveOrders'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+2]]:5: note: the transaction is left open when this return is taken
  if (runSql(Conn, "INSERT INTO orders_archive SELECT * FROM orders") != 0)
    return false;
  return runSql(Conn, "COMMIT") == 0;
}

// Silent: every failure rolls back through the helper.
bool archiveOrdersClean(MYSQL *Conn) {
  runSql(Conn, "BEGIN");
  if (runSql(Conn, "INSERT INTO orders_archive SELECT * FROM orders") != 0) {
    runSql(Conn, "ROLLBACK");
    return false;
  }
  return runSql(Conn, "COMMIT") == 0;
}

// --- The class's own exec method ----------------------------------------

class PgStore {
public:
  explicit PgStore(const char *Info) : Conn(PQconnectdb(Info)) {}
  ~PgStore() { PQfinish(Conn); }

  void run(const char *Sql) {
    PGresult *Result = PQexec(Conn, Sql);
    bool Ok = PQresultStatus(Result) == PGRES_COMMAND_OK;
    PQclear(Result);
    if (!Ok)
      throw std::runtime_error("query failed");
  }

  void moveStock(int From, int To) {
    run("BEGIN");
// CHECK-NOTES: :[[@LINE-1]]:5: warning: transaction begun with 'BEGIN' on 'Conn' is not ended on every path out of 'moveStock'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+1]]:5: note: the transaction is left open if this call throws
    run("UPDATE stock SET qty = qty - 1 WHERE id = 1");
    if (From == To)
      throw std::invalid_argument("same shelf");
    run("COMMIT");
  }

  void moveStockDirectBegin(int From, int To) {
    PQclear(PQexec(Conn, "BEGIN"));
// CHECK-NOTES: :[[@LINE-1]]:13: warning: transaction begun with 'BEGIN' on 'Conn' is not ended on every path out of 'moveStockDirectBegin'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+2]]:7: note: the transaction is left open when this exception is thrown
    if (From == To)
      throw std::invalid_argument("same shelf");
    run("COMMIT");
  }

  // Silent: rolled back before the throw.
  void moveStockClean(int From, int To) {
    run("BEGIN");
    if (From == To) {
      run("ROLLBACK");
      throw std::invalid_argument("same shelf");
    }
    run("COMMIT");
  }

private:
  PGconn *Conn;
};

// --- The end chosen at run time -------------------------------------------

bool closeBooks(PGconn *Conn, bool Locked) {
  PQclear(PQexec(Conn, "BEGIN"));
// CHECK-NOTES: :[[@LINE-1]]:11: warning: transaction begun with 'BEGIN' on 'Conn' is not ended on every path out of 'closeBooks'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+2]]:5: note: the transaction is left open when this return is taken
  if (Locked)
    return false;
  PGresult *Result = PQexec(Conn, "UPDATE books SET closed = true");
  bool Ok = PQresultStatus(Result) == PGRES_COMMAND_OK;
  PQclear(Result);
  PQclear(PQexec(Conn, Ok ? "END" : "ABORT"));
  return Ok;
}

// Silent: every path ends it.
bool closeBooksClean(PGconn *Conn) {
  PQclear(PQexec(Conn, "BEGIN"));
  PGresult *Result = PQexec(Conn, "UPDATE books SET closed = true");
  bool Ok = PQresultStatus(Result) == PGRES_COMMAND_OK;
  PQclear(Result);
  PQclear(PQexec(Conn, Ok ? "COMMIT" : "ROLLBACK"));
  return Ok;
}

// --- A begin tested through a predicate ---------------------------------

static bool succeeded(int Code) noexcept { return Code == SQLITE_OK; }
static bool commandDone(PGresult *Result) noexcept {
  bool Done = PQresultStatus(Result) == PGRES_COMMAND_OK;
  PQclear(Result);
  return Done;
}

// Silent: the failed begin leaves nothing open; later failures roll back.
bool purgeSessions(sqlite3 *Db) {
  if (!succeeded(sqlite3_exec(Db, "BEGIN", nullptr, nullptr, nullptr)))
    return false;
  if (!succeeded(sqlite3_exec(Db, "DELETE FROM sessions", nullptr, nullptr,
                              nullptr))) {
    sqlite3_exec(Db, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  }
  return succeeded(sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr));
}

bool purgeTokens(PGconn *Conn) {
  if (!commandDone(PQexec(Conn, "BEGIN")))
    return false;
  if (!commandDone(PQexec(Conn, "DELETE FROM tokens"))) {
    PQclear(PQexec(Conn, "ROLLBACK"));
    return false;
  }
  return commandDone(PQexec(Conn, "COMMIT"));
}

// Reported: the predicate says the begin worked, and the early return
// leaves it open.
bool purgeSessionsLeaky(sqlite3 *Db, bool Dry) {
  if (!succeeded(sqlite3_exec(Db, "BEGIN", nullptr, nullptr, nullptr)))
// CHECK-NOTES: :[[@LINE-1]]:18: warning: transaction begun with 'BEGIN' on 'Db' is not ended on every path out of 'purgeSessionsLeaky'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+3]]:5: note: the transaction is left open when this return is taken
    return false;
  if (Dry)
    return true;
  return succeeded(sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr));
}
