#include "store/Transactions.h"

bool DailyReport(PGconn *Conn, const char *Query) {
  if (!BeginReport(Conn))
    return false;
  if (!RunStatement(Conn, Query))
    return false;
  return CommitTransaction(Conn);
}
