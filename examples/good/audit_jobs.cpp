// The same background jobs with a scope that closes the connection on every
// path out, exceptions included.
#include <libpq-fe.h>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <thread>

namespace shop {

using PgConnection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

PgConnection connect(const char *conninfo) {
  return PgConnection(PQconnectdb(conninfo), &PQfinish);
}

void archiveRows(PGconn *conn, const std::string &table); // may throw

void purgeAuditLog(const char *conninfo) {
  PgConnection conn = connect(conninfo);
  if (PQstatus(conn.get()) != CONNECTION_OK)
    return; // finished by the destructor
  PQclear(PQexec(conn.get(),
                 "delete from audit_log where created < now() - '90d'"));
}

void archiveOrders(const char *conninfo) {
  PgConnection conn = connect(conninfo);
  archiveRows(conn.get(), "orders"); // finished even if this throws
}

// The thread opens its own connection: its unit of work, its scope.
void refreshStatistics() {
  std::thread([] {
    pqxx::connection conn("dbname=shop");
    pqxx::work tx(conn);
    tx.exec0("refresh materialized view order_stats");
    tx.commit();
  }).detach();
}

} // namespace shop
