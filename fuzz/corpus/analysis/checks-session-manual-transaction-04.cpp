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

// Helpers: one that commits ends it, one that only works does not.
void insertRow(PGconn *Conn) { PQclear(PQexec(Conn, "insert into t values (1)")); }
void commitWork(PGconn *Conn); // defined elsewhere; its name says it commits
bool helperDoesNotEnd(PGconn *Conn, bool Bad) {
  PQclear(PQexec(Conn, "BEGIN"));
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

