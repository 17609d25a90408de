#include <libpq-fe.h>

static PGconn *Cached = nullptr;

void purge(const char *Url) {
  PGconn *Conn = PQconnectdb(Url);
  PQexec(Conn, "DELETE FROM audit_log");
}
