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

void borrowedOnly() {
  PGconn *Conn = PQconnectdb("dbname=app");
  audit(Conn);
}

// A function of the project declared here but defined elsewhere uses the
// handle; its name does not say it keeps it.
void archive(PGconn *Conn);
void declaredBorrower() {
  PGconn *Conn = PQconnectdb("dbname=app");
  archive(Conn);
  PQfinish(Conn);
}

// A handler that swallows the exception cannot release a handle declared
// inside the try block: its scope has ended.
void swallowed() {
  try {
    sqlite3 *Db = nullptr;
    sqlite3_open("app.db", &Db);
    mayFail(5);
    sqlite3_close(Db);
  } catch (const std::exception &) {
  }
}

void closedOnEveryPath() {
  PGconn *Conn = PQconnectdb("dbname=app");
  if (PQstatus(Conn) != CONNECTION_OK) {
    PQfinish(Conn);
    return;
  }
  PQexec(Conn, "select 1");
  PQfinish(Conn);
}

void nullMeansNothingToRelease() {
  PGconn *Conn = PQconnectdb("dbname=app");
  if (!Conn)
    return;
  PQfinish(Conn);
}

void closedInCatch() {
  PGconn *Conn = PQconnectdb("dbname=app");
  try {
    mayFail(2);
  } catch (...) {
    PQfinish(Conn);
    throw;
  }
  PQfinish(Conn);
}

PGconn *returnedToCaller() {
  PGconn *Conn = PQconnectdb("dbname=app");
  if (PQstatus(Conn) != CONNECTION_OK) {
    PQfinish(Conn);
    return nullptr;
  }
  return Conn;
}

