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
  if (Bad) {
    Conn->rollback(Point);
    return;
  }
  Conn->commit();
}

