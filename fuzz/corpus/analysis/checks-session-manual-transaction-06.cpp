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

