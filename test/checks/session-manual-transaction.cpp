// Tests session-manual-transaction against the real headers: a begin by hand
// where the library ships a guard, and a begin some path leaves open where it
// does not; guards, rollback-and-rethrow and guard classes stay silent.
// RUN: %check_session --checks=-*,session-manual-transaction %s -- %qt_flags %libpq_flags %mariadb_flags

#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <SQLiteCpp/SQLiteCpp.h>
#include <cppconn/connection.h>
#include <cppdb/backend.h>
#include <cppdb/frontend.h>
#include <libpq-fe.h>
#include <mysql.h>
#include <pqxx/pqxx>
#include <soci/soci.h>
#include <sqlite3.h>
#include <stdexcept>

void mayFail(); // may throw

// --- Libraries with a guard: every begin by hand ---------------------------

void sociByHand(soci::session &Sql) {
  Sql.begin();
// CHECK-NOTES: :[[@LINE-1]]:3: warning: transaction begun by hand with 'begin()' on 'Sql'; use 'soci::transaction', which rolls back when its scope is left without a commit [session-manual-transaction]
  Sql << "insert into orders values (1)";
  Sql.commit();
}
void pocoByHand(Poco::Data::Session &Session) {
  Session.begin();
// CHECK-NOTES: :[[@LINE-1]]:3: warning: transaction begun by hand with 'begin()' on 'Session'; use 'Poco::Data::Transaction', which rolls back when its scope is left without a commit [session-manual-transaction]
  Session.commit();
}
void cppdbByHand(cppdb::session &Sql) {
  Sql.begin();
// CHECK-NOTES: :[[@LINE-1]]:3: warning: transaction begun by hand with 'begin()' on 'Sql'; use 'cppdb::transaction', which rolls back when its scope is left without a commit [session-manual-transaction]
  Sql.commit();
}
void pqxxText(pqxx::connection &Conn) {
  pqxx::nontransaction Tx(Conn);
  Tx.exec("BEGIN");
// CHECK-NOTES: :[[@LINE-1]]:3: warning: transaction begun by hand with 'BEGIN' on 'Tx'; use 'pqxx::work', which rolls back when its scope is left without a commit [session-manual-transaction]
  Tx.exec("COMMIT");
}
void sqliteCppText(SQLite::Database &Db) {
  Db.exec("BEGIN TRANSACTION");
// CHECK-NOTES: :[[@LINE-1]]:3: warning: transaction begun by hand with 'BEGIN TRANSACTION' on 'Db'; use 'SQLite::Transaction', which rolls back when its scope is left without a commit [session-manual-transaction]
  Db.exec("COMMIT");
}

// The guards themselves.
void sociGuard(soci::session &Sql) {
  soci::transaction Tx(Sql);
  Sql << "insert into orders values (1)";
  Tx.commit();
}
void pqxxGuard(pqxx::connection &Conn) {
  pqxx::work Tx(Conn);
  Tx.exec("insert into orders values (1)");
  Tx.commit();
}
void pocoGuard(Poco::Data::Session &Session) {
  Poco::Data::Transaction Tx(Session);
  Tx.commit();
}

// --- Libraries without a guard: a path that leaves it open -----------------

bool qtEarlyReturn(QSqlDatabase &Db) {
  Db.transaction();
// CHECK-NOTES: :[[@LINE-1]]:3: warning: transaction begun with 'transaction()' on 'Db' is not ended on every path out of 'qtEarlyReturn'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+3]]:5: note: the transaction is left open when this return is taken
  QSqlQuery Query(Db);
  if (!Query.exec("insert into orders values (1)"))
    return false;
  Db.commit();
  return true;
}
void libpqMayThrow(PGconn *Conn) {
  PQclear(PQexec(Conn, "BEGIN"));
// CHECK-NOTES: :[[@LINE-1]]:11: warning: transaction begun with 'BEGIN' on 'Conn' is not ended on every path out of 'libpqMayThrow'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+1]]:3: note: the transaction is left open if this call throws
  mayFail();
  PQclear(PQexec(Conn, "COMMIT"));
}
int sqliteEarlyReturn(sqlite3 *Db) {
  sqlite3_exec(Db, "BEGIN", nullptr, nullptr, nullptr);
// CHECK-NOTES: :[[@LINE-1]]:3: warning: transaction begun with 'BEGIN' on 'Db' is not ended on every path out of 'sqliteEarlyReturn'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+3]]:5: note: the transaction is left open when this return is taken
  if (sqlite3_exec(Db, "insert into t values (1)", nullptr, nullptr,
                   nullptr) != SQLITE_OK)
    return 1;
  sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
  return 0;
}
void mariadbThrow(MYSQL *Conn, bool Bad) {
  mysql_query(Conn, "START TRANSACTION");
// CHECK-NOTES: :[[@LINE-1]]:3: warning: transaction begun with 'START TRANSACTION' on 'Conn' is not ended on every path out of 'mariadbThrow'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+2]]:5: note: the transaction is left open when this exception is thrown
  if (Bad)
    throw std::runtime_error("bad order");
  mysql_query(Conn, "COMMIT");
}
void connectorMayThrow(sql::Connection *Conn) {
  Conn->setAutoCommit(false);
// CHECK-NOTES: :[[@LINE-1]]:3: warning: transaction begun with 'setAutoCommit(false)' on 'Conn' is not ended on every path out of 'connectorMayThrow'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+1]]:3: note: the transaction is left open if this call throws
  mayFail();
  Conn->commit();
}

// Ended on every path: silent.
bool qtRolledBack(QSqlDatabase &Db) {
  Db.transaction();
  QSqlQuery Query(Db);
  if (!Query.exec("insert into orders values (1)")) {
    Db.rollback();
    return false;
  }
  Db.commit();
  return true;
}
void libpqRollbackAndRethrow(PGconn *Conn) {
  PQclear(PQexec(Conn, "BEGIN"));
  try {
    mayFail();
  } catch (...) {
    PQclear(PQexec(Conn, "ROLLBACK"));
    throw;
  }
  PQclear(PQexec(Conn, "COMMIT"));
}
void connectorRolledBack(sql::Connection *Conn) {
  Conn->setAutoCommit(false);
  try {
    mayFail();
    Conn->commit();
  } catch (...) {
    Conn->rollback();
    throw;
  }
}

// A guard class of the project's own: its destructor rolls back.
class PgTransaction {
public:
  explicit PgTransaction(PGconn *Conn) : Conn(Conn) {
    PQclear(PQexec(Conn, "BEGIN"));
  }
  ~PgTransaction() {
    if (!Committed)
      PQclear(PQexec(Conn, "ROLLBACK"));
  }
  void commit() {
    PQclear(PQexec(Conn, "COMMIT"));
    Committed = true;
  }

private:
  PGconn *Conn;
  bool Committed = false;
};
void guardedByProjectClass(PGconn *Conn) {
  PgTransaction Tx(Conn);
  mayFail();
  Tx.commit();
}

// Handed to a function of the project, which may end it.
void finish(PGconn *Conn) { PQclear(PQexec(Conn, "COMMIT")); }
void endedElsewhere(PGconn *Conn) {
  PQclear(PQexec(Conn, "BEGIN"));
  finish(Conn);
}

// A begin whose result is checked: its failure path has no transaction.
bool qtChecked(QSqlDatabase &Db) {
  if (!Db.transaction())
    return false;
  Db.commit();
  return true;
}
int sqliteChecked(sqlite3 *Db) {
  if (sqlite3_exec(Db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
    return 1;
  sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
  return 0;
}

// SQL text by whole words, in the SQL argument, last statement deciding.
void preparedNames(PGconn *Conn) {
  PQclear(PQprepare(Conn, "begin_order", "select 1", 0, nullptr));
  PQclear(PQexec(Conn, "BEGIN; insert into orders values (1); COMMIT;"));
}
int savepointKeepsItOpen(PGconn *Conn, bool Bad) {
  PQclear(PQexec(Conn, "BEGIN"));
// CHECK-NOTES: :[[@LINE-1]]:11: warning: transaction begun with 'BEGIN' on 'Conn' is not ended on every path out of 'savepointKeepsItOpen'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+4]]:5: note: the transaction is left open when this return is taken
  PQclear(PQexec(Conn, "SAVEPOINT a"));
  if (Bad) {
    PQclear(PQexec(Conn, "ROLLBACK TO SAVEPOINT a"));
    return 1;
  }
  PQclear(PQexec(Conn, "COMMIT"));
  return 0;
}
void connectorSavepoint(sql::Connection *Conn, sql::Savepoint *Point,
                        bool Bad) {
  Conn->setAutoCommit(false);
// CHECK-NOTES: :[[@LINE-1]]:3: warning: transaction begun with 'setAutoCommit(false)' on 'Conn' is not ended on every path out of 'connectorSavepoint'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+2]]:5: note: the transaction is left open if this call throws
  if (Bad) {
    Conn->rollback(Point);
    return;
  }
  Conn->commit();
}

// Helpers: one that commits ends it, one that only works does not.
void insertRow(PGconn *Conn) { PQclear(PQexec(Conn, "insert into t values (1)")); }
void commitWork(PGconn *Conn); // defined elsewhere; its name says it commits
bool helperDoesNotEnd(PGconn *Conn, bool Bad) {
  PQclear(PQexec(Conn, "BEGIN"));
// CHECK-NOTES: :[[@LINE-1]]:11: warning: transaction begun with 'BEGIN' on 'Conn' is not ended on every path out of 'helperDoesNotEnd'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+3]]:5: note: the transaction is left open when this return is taken
  insertRow(Conn);
  if (Bad)
    return false;
  commitWork(Conn);
  return true;
}

// A scope guard's callback ends it on every path.
template <class F> struct ScopeExit {
  F Callback;
  ~ScopeExit() { Callback(); }
};
template <class F> ScopeExit<F> onExit(F Callback) { return {Callback}; }
bool guardedByLambda(QSqlDatabase &Db) {
  bool Done = false;
  Db.transaction();
  auto Guard = onExit([&] {
    if (!Done)
      Db.rollback();
  });
  QSqlQuery Query(Db);
  if (!Query.exec("insert into orders values (1)"))
    return false;
  Done = Db.commit();
  return Done;
}

// A guard class that rolls back through its own helper.
class PgTx {
public:
  explicit PgTx(PGconn *Conn) : Conn(Conn) { PQclear(PQexec(Conn, "BEGIN")); }
  ~PgTx() {
    if (!Done)
      abort();
  }
  void commit() {
    PQclear(PQexec(Conn, "COMMIT"));
    Done = true;
  }

private:
  void abort() { PQclear(PQexec(Conn, "ROLLBACK")); }
  PGconn *Conn;
  bool Done = false;
};

// A checked begin still has to be ended on the paths after it succeeded.
bool qtCheckedThenLeaks(QSqlDatabase &Db) {
  if (!Db.transaction())
// CHECK-NOTES: :[[@LINE-1]]:8: warning: transaction begun with 'transaction()' on 'Db' is not ended on every path out of 'qtCheckedThenLeaks'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+4]]:5: note: the transaction is left open when this return is taken
    return false;
  QSqlQuery Query(Db);
  if (!Query.exec("insert into orders values (1)"))
    return false;
  return Db.commit();
}
int sqliteCheckedThenLeaks(sqlite3 *Db, bool Bad) {
  if (sqlite3_exec(Db, "-- start\nBEGIN", nullptr, nullptr, nullptr) !=
// CHECK-NOTES: :[[@LINE-1]]:7: warning: transaction begun with 'BEGIN' on 'Db' is not ended on every path out of 'sqliteCheckedThenLeaks'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+4]]:5: note: the transaction is left open when this return is taken
      SQLITE_OK)
    return 1;
  if (Bad)
    return 2;
  sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
  return 0;
}

// The MySQL C API's own transaction functions.
bool mysqlApi(MYSQL *Conn, bool Bad) {
  mysql_query(Conn, "START TRANSACTION");
  if (Bad) {
    mysql_rollback(Conn);
    return false;
  }
  return mysql_commit(Conn) == 0;
}
bool mysqlAutocommit(MYSQL *Conn, bool Bad) {
  if (mysql_autocommit(Conn, 0))
// CHECK-NOTES: :[[@LINE-1]]:7: warning: transaction begun with 'mysql_autocommit(0)' on 'Conn' is not ended on every path out of 'mysqlAutocommit'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+3]]:5: note: the transaction is left open when this return is taken
    return false;
  if (Bad)
    return false;
  return mysql_commit(Conn) == 0;
}

// A function that only begins hands the transaction to its caller.
void beginBatch(sqlite3 *Db) {
  sqlite3_exec(Db, "BEGIN", nullptr, nullptr, nullptr);
}
class Batch {
public:
  void start() { Db.transaction(); }
  void finish() { Db.commit(); }

private:
  QSqlDatabase Db;
};

// Another handle to the same named connection, or a query on it, may end it.
bool otherHandle(bool Bad) {
  QSqlDatabase Db = QSqlDatabase::database();
  Db.transaction();
  if (Bad) {
    QSqlDatabase::database().rollback();
    return false;
  }
  return Db.commit();
}
bool rolledBackByQuery(QSqlDatabase &Db, bool Bad) {
  Db.transaction();
  QSqlQuery Query(Db);
  if (Bad) {
    Query.exec("ROLLBACK");
    return false;
  }
  return Db.commit();
}

// Guard classes: rolling back through a free helper, or with a destructor
// defined in another file.
static void rollbackQuietly(soci::session &Sql) noexcept {
  try {
    Sql.rollback();
  } catch (...) {
  }
}
struct SociGuard {
  explicit SociGuard(soci::session &Sql) : Sql(Sql) { Sql.begin(); }
  ~SociGuard() {
    if (!Committed)
      rollbackQuietly(Sql);
  }
  soci::session &Sql;
  bool Committed = false;
};
struct ElsewhereGuard {
  explicit ElsewhereGuard(soci::session &Sql) : Sql(Sql) { Sql.begin(); }
  ~ElsewhereGuard();
  soci::session &Sql;
};

// Qt's default connection, named by QSqlDatabase::database() at each use.
bool defaultConnectionLeaks() {
  QSqlDatabase::database().transaction();
// CHECK-NOTES: :[[@LINE-1]]:3: warning: transaction begun with 'transaction()' on 'QSqlDatabase::database()' is not ended on every path out of 'defaultConnectionLeaks'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
// CHECK-NOTES: :[[@LINE+3]]:5: note: the transaction is left open when this return is taken
  QSqlQuery Query;
  if (!Query.exec("insert into orders values (1)"))
    return false;
  return QSqlDatabase::database().commit();
}
bool defaultConnectionRolledBack() {
  QSqlDatabase::database().transaction();
  QSqlQuery Query;
  if (!Query.exec("insert into orders values (1)")) {
    QSqlDatabase::database().rollback();
    return false;
  }
  return QSqlDatabase::database().commit();
}
