// Tests session-unscoped-acquire against the real libpq, SQLite and libpqxx
// headers: every path kind out of a function, and the look-alikes that
// release or hand ownership on.
// RUN: %check_session --checks=-*,session-unscoped-acquire %s -- %libpq_flags

#include <cstdlib>
#include <libpq-fe.h>
#include <memory>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <stdexcept>
#include <string>

// Not noexcept, and its body throws: may throw. (A project function with no
// body here does not make a C handle leak by itself: see the -flow test.)
void mayFail(int Code) {
  if (Code < 0)
    throw std::runtime_error("negative code");
}
void audit(PGconn *Conn) { PQexec(Conn, "select 1"); }   // borrows
void closeConn(PGconn *Conn) { PQfinish(Conn); }          // releases
void logLine(const char *Line) noexcept;

// --- Leaks ---------------------------------------------------------------

void earlyReturn() {
  PGconn *Conn = PQconnectdb("dbname=app");
// CHECK-NOTES: :[[@LINE-1]]:18: warning: session 'Conn' acquired by 'PQconnectdb' is not released on every path out of 'earlyReturn'; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+2]]:5: note: leaked when this return is taken
  if (PQstatus(Conn) != CONNECTION_OK)
    return;
  PQexec(Conn, "select 1");
  PQfinish(Conn);
}

void callThatMayThrow() {
  PGconn *Conn = PQconnectdb("dbname=app");
// CHECK-NOTES: :[[@LINE-1]]:18: warning: session 'Conn' acquired by 'PQconnectdb' is not released on every path out of 'callThatMayThrow'; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+1]]:3: note: leaked if this call throws: a release later in the function does not run when an exception unwinds
  mayFail(1);
  PQfinish(Conn);
}

void explicitThrow(bool Bad) {
  PGconn *Conn = PQconnectdb("dbname=app");
// CHECK-NOTES: :[[@LINE-1]]:18: warning: session 'Conn' acquired by 'PQconnectdb' is not released on every path out of 'explicitThrow'; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+2]]:5: note: leaked when this exception is thrown
  if (Bad)
    throw std::runtime_error("bad input");
  PQfinish(Conn);
}

// sqlite3_open allocates the handle even when it fails.
int openFailure() {
  sqlite3 *Db = nullptr;
  if (sqlite3_open("app.db", &Db) != SQLITE_OK)
// CHECK-NOTES: :[[@LINE-1]]:7: warning: session 'Db' acquired by 'sqlite3_open' is not released on every path out of 'openFailure'; own it with 'std::unique_ptr<sqlite3, decltype(&sqlite3_close)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+1]]:5: note: leaked when this return is taken
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
// CHECK-NOTES: :[[@LINE-1]]:21: warning: session 'Replica' acquired by 'connectToReplica' is not released on every path out of 'factoryResult'; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+2]]:1: note: leaked when the function returns here
  audit(Replica);
}

void discarded() {
  PQconnectdb("dbname=app");
// CHECK-NOTES: :[[@LINE-1]]:3: warning: session acquired by 'PQconnectdb' is discarded without being released; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
}

void rawNew() {
  auto *Conn = new pqxx::connection("dbname=app");
// CHECK-NOTES: :[[@LINE-1]]:16: warning: session 'Conn' acquired by 'new' is not released on every path out of 'rawNew'; own it with 'std::unique_ptr<pqxx::connection>' or a local 'pqxx::connection' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+1]]:14: note: leaked if this call throws: a release later in the function does not run when an exception unwinds
  pqxx::work Tx(*Conn);
  Tx.commit();
  delete Conn;
}

void perIteration(int Count) {
  for (int I = 0; I < Count; ++I) {
    PGconn *Conn = PQconnectdb("dbname=app");
// CHECK-NOTES: :[[@LINE-1]]:20: warning: session 'Conn' acquired by 'PQconnectdb' is not released on every path out of 'perIteration'; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE-2]]:13: note: leaked when the loop comes back to the declaration of 'Conn'
    audit(Conn);
  }
}

void overwritten() {
  PGconn *Conn = PQconnectdb("dbname=primary");
// CHECK-NOTES: :[[@LINE-1]]:18: warning: session 'Conn' acquired by 'PQconnectdb' is not released on every path out of 'overwritten'; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+1]]:3: note: leaked when 'Conn' is overwritten here
  Conn = PQconnectdb("dbname=replica");
  PQfinish(Conn);
}

void breakOut(int Count) {
  while (Count--) {
    PGconn *Conn = PQconnectdb("dbname=app");
// CHECK-NOTES: :[[@LINE-1]]:20: warning: session 'Conn' acquired by 'PQconnectdb' is not released on every path out of 'breakOut'; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+5]]:1: note: leaked when the function returns here
    if (PQstatus(Conn) != CONNECTION_OK)
      break;
    PQfinish(Conn);
  }
}

void borrowedOnly() {
  PGconn *Conn = PQconnectdb("dbname=app");
// CHECK-NOTES: :[[@LINE-1]]:18: warning: session 'Conn' acquired by 'PQconnectdb' is not released on every path out of 'borrowedOnly'; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+2]]:1: note: leaked when the function returns here
  audit(Conn);
}

// A function of the project declared here but defined elsewhere uses the
// handle (its name does not say it keeps it), and is not shown to throw: the
// handle is still followed, to the early return.
void archive(PGconn *Conn);
void declaredBorrower(bool Quick) {
  PGconn *Conn = PQconnectdb("dbname=app");
// CHECK-NOTES: :[[@LINE-1]]:18: warning: session 'Conn' acquired by 'PQconnectdb' is not released on every path out of 'declaredBorrower'; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+3]]:5: note: leaked when this return is taken
  archive(Conn);
  if (Quick)
    return;
  PQfinish(Conn);
}

// A handler that swallows the exception cannot release a handle declared
// inside the try block: its scope has ended.
void swallowed() {
  try {
    sqlite3 *Db = nullptr;
    sqlite3_open("app.db", &Db);
// CHECK-NOTES: :[[@LINE-1]]:5: warning: session 'Db' acquired by 'sqlite3_open' is not released on every path out of 'swallowed'; own it with 'std::unique_ptr<sqlite3, decltype(&sqlite3_close)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+1]]:5: note: leaked if this call throws: a release later in the function does not run when an exception unwinds
    mayFail(5);
    sqlite3_close(Db);
  } catch (const std::exception &) {
  }
}

// --- Released or handed on: silent -------------------------------------

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

std::unique_ptr<PGconn, decltype(&PQfinish)> movedIntoOwner() {
  PGconn *Conn = PQconnectdb("dbname=app");
  std::unique_ptr<PGconn, decltype(&PQfinish)> Owner(Conn, &PQfinish);
  mayFail(3);
  return Owner;
}

void resetIntoOwner() {
  std::shared_ptr<sqlite3> Db;
  sqlite3 *Raw = nullptr;
  sqlite3_open("app.db", &Raw);
  Db.reset(Raw, &sqlite3_close);
}

void releasedByHelper() {
  PGconn *Conn = PQconnectdb("dbname=app");
  audit(Conn);
  closeConn(Conn);
}

void standardCallsDoNotCount(const std::string &Name) {
  PGconn *Conn = PQconnectdb(("dbname=" + Name).c_str());
  std::string Query = "select 1";
  PQexec(Conn, Query.c_str());
  logLine("done");
  PQfinish(Conn);
}

void endsTheProcess() {
  PGconn *Conn = PQconnectdb("dbname=app");
  if (PQstatus(Conn) != CONNECTION_OK)
    std::abort();
  PQfinish(Conn);
}

void conditionalAcquireAndRelease(bool Wanted) {
  PGconn *Conn = nullptr;
  if (Wanted)
    Conn = PQconnectdb("dbname=app");
  audit(Conn);
  if (Conn)
    PQfinish(Conn);
}

class Wrapper {
public:
  Wrapper() : Conn(nullptr) { Conn = PQconnectdb("dbname=app"); }
  ~Wrapper() { PQfinish(Conn); }

private:
  PGconn *Conn;
};

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
