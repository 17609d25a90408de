#include <libpq-fe.h>

int countRows(const char *ConnInfo) {
  PGconn *Conn = PQconnectdb(ConnInfo);
  if (PQstatus(Conn) != CONNECTION_OK)
    return -1;
  PGresult *Result = PQexec(Conn, "select count(*) from rows");
  int Count = PQntuples(Result);
  PQclear(Result);
  PQfinish(Conn);
  return Count;
}

void ping(const char *ConnInfo) {
  PGconn *Conn = PQconnectdb(ConnInfo);
  if (!Conn || PQstatus(Conn) != CONNECTION_OK)
    return;
  PQclear(PQexec(Conn, "select 1"));
  PQfinish(Conn);
}

// Returned on one path: ownership leaves, a unique_ptr would free it.
PGconn *openOrNull(const char *ConnInfo, bool Keep) {
  PGconn *Conn = PQconnectdb(ConnInfo);
  if (PQstatus(Conn) != CONNECTION_OK)
    return nullptr;
  if (Keep)
    return Conn;
  PQfinish(Conn);
  return nullptr;
}

// Released twice by hand: the owner would release it a second time.
int retried(const char *ConnInfo) {
  PGconn *Conn = PQconnectdb(ConnInfo);
  if (PQstatus(Conn) == CONNECTION_BAD) {
    PQfinish(Conn);
    Conn = PQconnectdb(ConnInfo);
  }
  if (PQstatus(Conn) != CONNECTION_OK)
    return -1;
  PQfinish(Conn);
  return 0;
}
