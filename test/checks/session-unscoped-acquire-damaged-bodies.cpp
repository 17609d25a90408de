// A header that is missing stops clang's template instantiation, and every
// line that logs with `std::cout << … << std::endl` becomes an expression
// with errors. Such an expression hides only what it does itself: a leak on
// a path it is not part of is still reported. A handle the damaged
// expression takes directly may be released there: silent.
//
// A function of the project that returns the handle it is given
// (`run(conn, sql)` returning `conn` or null) hands it back to its caller,
// who still owns it: the call's value is the handle.
// RUN: %check_session --checks=-*,session-unscoped-acquire %s -- -I%S/Inputs/broken %libpq_flags

#include <iostream>
#include <string>
#include <libpq-fe.h>
#include <missing_include.h>
// CHECK-MESSAGES: missing_include.h:4:10: error: 'no/such/header.h' file not found [clang-diagnostic-error]

PGconn *run(PGconn *Conn, const std::string &Sql) {
  PGresult *Result = PQexec(Conn, Sql.c_str());
  bool Ok = PQresultStatus(Result) == PGRES_COMMAND_OK;
  PQclear(Result);
  if (!Ok)
    return nullptr;
  return Conn;
}

bool archive(const std::string &Info, const std::string &Purge) {
  PGconn *Conn = PQconnectdb(Info.c_str());
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'Conn' acquired by 'PQconnectdb' is not released on every path out of 'archive'; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
  if (PQstatus(Conn) != CONNECTION_OK) {
    std::cout << "cannot connect" << std::endl;
    PQfinish(Conn);
    return false;
  }
  if (!run(Conn, Purge))
    return false;
// CHECK-MESSAGES: :[[@LINE-1]]:5: note: leaked when this return is taken
  PQfinish(Conn);
  return true;
}

// Released on every path; the logging lines have errors, the paths do not.
bool vacuum(const std::string &Info, const std::string &Statement) {
  PGconn *Conn = PQconnectdb(Info.c_str());
  if (!run(Conn, Statement)) {
    std::cout << "vacuum failed: " << PQerrorMessage(Conn) << std::endl;
    PQfinish(Conn);
    return false;
  }
  PQfinish(Conn);
  return true;
}

// The handle goes into a damaged expression itself (a literal for a
// `std::string` parameter needs an instantiation): that call may have
// released it, for all clang could tell.
bool report(const std::string &Info) {
  PGconn *Conn = PQconnectdb(Info.c_str());
  if (!run(Conn, "SELECT 1"))
    return false;
  PQfinish(Conn);
  return true;
}
