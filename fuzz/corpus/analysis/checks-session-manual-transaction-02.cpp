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

