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

// A checked begin still has to be ended on the paths after it succeeded.
bool qtCheckedThenLeaks(QSqlDatabase &Db) {
  if (!Db.transaction())
    return false;
  QSqlQuery Query(Db);
  if (!Query.exec("insert into orders values (1)"))
    return false;
  return Db.commit();
}
int sqliteCheckedThenLeaks(sqlite3 *Db, bool Bad) {
  if (sqlite3_exec(Db, "-- start\nBEGIN", nullptr, nullptr, nullptr) !=
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

