#include "store/Transactions.h"

static bool commandOk(PGconn *Conn, const char *Sql) {
  PGresult *Result = PQexec(Conn, Sql);
  bool Ok = PQresultStatus(Result) == PGRES_COMMAND_OK;
  PQclear(Result);
  return Ok;
}

bool BeginTransaction(PGconn *Conn) {
  PGresult *Result = PQexec(Conn, "BEGIN");
  if (PQresultStatus(Result) != PGRES_COMMAND_OK) {
    PQclear(Result);
    return false;
  }
  PQclear(Result);
  return true;
}

bool CommitTransaction(PGconn *Conn) { return commandOk(Conn, "COMMIT"); }

bool RollbackTransaction(PGconn *Conn) { return commandOk(Conn, "ROLLBACK"); }

bool RunStatement(PGconn *Conn, const char *Sql) noexcept {
  return commandOk(Conn, Sql);
}

bool BeginReport(PGconn *Conn) {
  return commandOk(Conn, "SELECT 1 FROM orders LIMIT 1");
}
