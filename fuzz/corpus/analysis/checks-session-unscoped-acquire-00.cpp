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

void earlyReturn() {
  PGconn *Conn = PQconnectdb("dbname=app");
  if (PQstatus(Conn) != CONNECTION_OK)
    return;
  PQexec(Conn, "select 1");
  PQfinish(Conn);
}

void callThatMayThrow() {
  PGconn *Conn = PQconnectdb("dbname=app");
  mayFail(1);
  PQfinish(Conn);
}

void explicitThrow(bool Bad) {
  PGconn *Conn = PQconnectdb("dbname=app");
  if (Bad)
    throw std::runtime_error("bad input");
  PQfinish(Conn);
}

// sqlite3_open allocates the handle even when it fails.
int openFailure() {
  sqlite3 *Db = nullptr;
  if (sqlite3_open("app.db", &Db) != SQLITE_OK)
    return 1;
  sqlite3_close(Db);
  return 0;
}

PGconn *connectToReplica() {
  PGconn *Conn = PQconnectdb("dbname=replica");
  return Conn;
}
void factoryResult() {
  PGconn *Replica = connectToReplica();
  audit(Replica);
}

void discarded() {
  PQconnectdb("dbname=app");
}

void rawNew() {
  auto *Conn = new pqxx::connection("dbname=app");
  pqxx::work Tx(*Conn);
  Tx.commit();
  delete Conn;
}

void perIteration(int Count) {
  for (int I = 0; I < Count; ++I) {
    PGconn *Conn = PQconnectdb("dbname=app");
    audit(Conn);
  }
}

void overwritten() {
  PGconn *Conn = PQconnectdb("dbname=primary");
  Conn = PQconnectdb("dbname=replica");
  PQfinish(Conn);
}

void breakOut(int Count) {
  while (Count--) {
    PGconn *Conn = PQconnectdb("dbname=app");
    if (PQstatus(Conn) != CONNECTION_OK)
      break;
    PQfinish(Conn);
  }
}

