#include "store/Transactions.h"

bool PlaceOrder(PGconn *Conn, const char *Insert, const char *Reserve) {
  if (!BeginTransaction(Conn))
    return false;
  if (!RunStatement(Conn, Insert))
    return false;
  if (!RunStatement(Conn, Reserve)) {
    RollbackTransaction(Conn);
    return false;
  }
  return CommitTransaction(Conn);
}

bool CancelOrder(PGconn *Conn, const char *Delete) {
  if (!BeginTransaction(Conn))
    return false;
  if (!RunStatement(Conn, Delete)) {
    RollbackTransaction(Conn);
    return false;
  }
  return CommitTransaction(Conn);
}
