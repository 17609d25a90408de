// session-unscoped-acquire and session-manual-transaction say nothing about
// a function body clang could not make sense of: its paths are not the
// program's. (The compiler's own error is still reported, exit code 3.)

#include <libpq-fe.h>

void doesNotCompile() {
  PGconn *Conn = PQconnectdb("dbname=app");
  PQclear(PQexec(Conn, "BEGIN"));
  PQfinish(Conn) + undeclaredName;
}
