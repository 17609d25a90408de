#include "ledger/FeedLink.h"

bool FeedLink::open() {
  Conn = PQconnectdb(Info.c_str());
  return PQstatus(Conn) == CONNECTION_OK;
}

void FeedLink::close() {
  PQfinish(Conn);
  Conn = nullptr;
}

bool FeedLink::send(const char *Sql) {
  PGresult *Result = PQexec(Conn, Sql);
  bool Ok = PQresultStatus(Result) == PGRES_COMMAND_OK;
  PQclear(Result);
  return Ok;
}
