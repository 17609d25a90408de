// Tests session-manual-transaction through the project's own begin and end
// helpers: functions that send fixed SQL text on the connection they are
// given (`bool beginWork(PGconn *)` sending BEGIN) begin or end the
// transaction of the argument their caller passes, and a begin helper's
// constant result on success tells the caller's failure path apart.
// RUN: %check_session --checks=-*,session-manual-transaction %s -- %libpq_flags

#include <libpq-fe.h>

// --- The helpers: each does one thing to the transaction -----------------

// Silent: a helper that only begins hands the transaction to its caller.
static bool beginWork(PGconn *Conn) {
  PGresult *Result = PQexec(Conn, "BEGIN");
  if (PQresultStatus(Result) != PGRES_COMMAND_OK) {
    PQclear(Result);
    return false;
  }
  PQclear(Result);
  return true;
}

static void commitWork(PGconn *Conn) { PQclear(PQexec(Conn, "COMMIT")); }

static void rollbackWork(PGconn *Conn) { PQclear(PQexec(Conn, "ROLLBACK")); }

static bool runStatement(PGconn *Conn, const char *Sql) {
  PGresult *Result = PQexec(Conn, Sql);
  bool Ok = PQresultStatus(Result) == PGRES_COMMAND_OK;
  PQclear(Result);
  return Ok;
}

// --- Callers ----------------------------------------------------------------

bool moveStock(PGconn *Conn, const char *Debit, const char *Credit) {
  // The first return is taken when the begin failed: nothing is open there.
  if (!beginWork(Conn))
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:8: warning: transaction begun with 'beginWork()' on 'Conn' is not ended on every path out of 'moveStock'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
  if (!runStatement(Conn, Debit))
    return false;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: the transaction is left open when this return is taken
  if (!runStatement(Conn, Credit)) {
    rollbackWork(Conn);
    return false;
  }
  commitWork(Conn);
  return true;
}

// Silent: every failure after the begin rolls back through the helper.
bool moveStockClean(PGconn *Conn, const char *Debit, const char *Credit) {
  if (!beginWork(Conn))
    return false;
  if (!runStatement(Conn, Debit) || !runStatement(Conn, Credit)) {
    rollbackWork(Conn);
    return false;
  }
  commitWork(Conn);
  return true;
}

// Silent: a function that only begins, for its caller to end.
bool openBatch(PGconn *Conn) { return beginWork(Conn); }

// --- Helpers that say nothing -------------------------------------------------

// Begins on one path only: its caller cannot tell whether a transaction is
// open.
static void beginIfAsked(PGconn *Conn, bool Asked) {
  if (Asked)
    PQclear(PQexec(Conn, "BEGIN"));
}

// Begins and ends: a transaction of its own, not a begin helper.
static bool runInTransaction(PGconn *Conn, const char *Sql) {
  PQclear(PQexec(Conn, "BEGIN"));
  bool Ok = runStatement(Conn, Sql);
  PQclear(PQexec(Conn, Ok ? "COMMIT" : "ROLLBACK"));
  return Ok;
}

bool restock(PGconn *Conn, bool Locked, const char *Sql) {
  beginIfAsked(Conn, Locked);
  if (!runStatement(Conn, Sql))
    return false;
  commitWork(Conn);
  return true;
}

bool restockTwice(PGconn *Conn, const char *Sql) {
  if (!runInTransaction(Conn, Sql))
    return false;
  if (!runInTransaction(Conn, Sql))
    return false;
  commitWork(Conn);
  return true;
}
