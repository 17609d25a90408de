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

void sociByHand(soci::session &Sql) {
  Sql.begin();
  Sql << "insert into orders values (1)";
  Sql.commit();
}
void pocoByHand(Poco::Data::Session &Session) {
  Session.begin();
  Session.commit();
}
void cppdbByHand(cppdb::session &Sql) {
  Sql.begin();
  Sql.commit();
}
void pqxxText(pqxx::connection &Conn) {
  pqxx::nontransaction Tx(Conn);
  Tx.exec("BEGIN");
  Tx.exec("COMMIT");
}
void sqliteCppText(SQLite::Database &Db) {
  Db.exec("BEGIN TRANSACTION");
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

