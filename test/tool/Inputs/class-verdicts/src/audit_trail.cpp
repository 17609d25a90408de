#include "ledger/AuditTrail.h"

bool AuditTrail::open() {
  Conn = PQconnectdb(Info.c_str());
  return PQstatus(Conn) == CONNECTION_OK;
}

void AuditTrail::close() {
  PQfinish(Conn);
  Conn = nullptr;
}

bool AuditTrail::record(const char *Who, const char *Amount) {
  const char *Values[] = {Who, Amount};
  PGresult *Result =
      PQexecParams(Conn, "INSERT INTO audit_log (who, amount) VALUES ($1, $2)",
                   2, nullptr, Values, nullptr, nullptr, 0);
  bool Ok = PQresultStatus(Result) == PGRES_COMMAND_OK;
  PQclear(Result);
  return Ok;
}
