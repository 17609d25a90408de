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

// Qt's default connection, named by QSqlDatabase::database() at each use.
bool defaultConnectionLeaks() {
  QSqlDatabase::database().transaction();
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

