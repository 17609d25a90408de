// Background jobs as they were: each one leaks its connection on some path.
#include <libpq-fe.h>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <thread>

namespace shop {

void archiveRows(PGconn *conn, const std::string &table); // throws, below

// Leaks on the early return: a failed connection still has to be finished.
void purgeAuditLog(const char *conninfo) {
  PGconn *conn = PQconnectdb(conninfo);
  if (PQstatus(conn) != CONNECTION_OK)
    return;
  PQclear(PQexec(conn, "delete from audit_log where created < now() - '90d'"));
  PQfinish(conn);
}

// Leaks when archiveRows throws: the PQfinish below never runs.
void archiveOrders(const char *conninfo) {
  PGconn *conn = PQconnectdb(conninfo);
  if (!conn)
    return;
  archiveRows(conn, "orders");
  PQfinish(conn);
}

// The connection is closed when refreshStatistics returns, while the
// detached thread may still be using it.
void refreshStatistics() {
  pqxx::connection conn("dbname=shop");
  std::thread([&conn] {
    pqxx::work tx(conn);
    tx.exec0("refresh materialized view order_stats");
    tx.commit();
  }).detach();
}

// Copies a table into the archive schema; a failure is an exception.
void archiveRows(PGconn *conn, const std::string &table) {
  std::string sql = "insert into archive." + table + " select * from " + table;
  PGresult *res = PQexec(conn, sql.c_str());
  bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  PQclear(res);
  if (!ok)
    throw std::runtime_error("archiving " + table + " failed");
}

} // namespace shop
