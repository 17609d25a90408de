#include <cstdlib>
#include <libpq-fe.h>
#include <memory>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
void mayFail(int Code); // not noexcept, no body here: may throw
void audit(PGconn *Conn) { PQexec(Conn, "select 1"); }   // borrows
void closeConn(PGconn *Conn) { PQfinish(Conn); }          // releases
void logLine(const char *Line) noexcept;

// Not followed, so not reported: an alias, a capture, a callee declared
// here whose name says it may keep the handle.
void keep(PGconn *Conn);
void aliased() {
  PGconn *Conn = PQconnectdb("dbname=app");
  PGconn *Same = Conn;
  PQfinish(Same);
}
void captured() {
  PGconn *Conn = PQconnectdb("dbname=app");
  auto Close = [Conn] { PQfinish(Conn); };
  Close();
}
void unknownCallee() {
  PGconn *Conn = PQconnectdb("dbname=app");
  keep(Conn);
}

// RAII owners from the start.
void owned() {
  pqxx::connection Conn("dbname=app");
  auto Heap = std::make_unique<pqxx::connection>("dbname=app");
  std::unique_ptr<PGconn, decltype(&PQfinish)> Handle(PQconnectdb(""),
                                                      &PQfinish);
  mayFail(4);
}

// The assignment in the condition is what the null test tests.
int assignedInCondition() {
  PGconn *Conn;
  if ((Conn = PQconnectdb("dbname=app")) == nullptr)
    return 1;
  PQfinish(Conn);
  return 0;
}

