#include <libpq-fe.h>

int invoiceCount(const char *Url) {
  PGconn *Conn = PQconnectdb(Url);
  if (PQstatus(Conn) != CONNECTION_OK)
    return -1;
  PQfinish(Conn);
  return 0;
}
