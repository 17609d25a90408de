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

bool qtEarlyReturn(QSqlDatabase &Db) {
  Db.transaction();
  QSqlQuery Query(Db);
  if (!Query.exec("insert into orders values (1)"))
    return false;
  Db.commit();
  return true;
}
void libpqMayThrow(PGconn *Conn) {
  PQclear(PQexec(Conn, "BEGIN"));
  mayFail();
  PQclear(PQexec(Conn, "COMMIT"));
}
int sqliteEarlyReturn(sqlite3 *Db) {
  sqlite3_exec(Db, "BEGIN", nullptr, nullptr, nullptr);
  if (sqlite3_exec(Db, "insert into t values (1)", nullptr, nullptr,
                   nullptr) != SQLITE_OK)
    return 1;
  sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
  return 0;
}
void mariadbThrow(MYSQL *Conn, bool Bad) {
  mysql_query(Conn, "START TRANSACTION");
  if (Bad)
    throw std::runtime_error("bad order");
  mysql_query(Conn, "COMMIT");
}
void connectorMayThrow(sql::Connection *Conn) {
  Conn->setAutoCommit(false);
  mayFail();
  Conn->commit();
}

