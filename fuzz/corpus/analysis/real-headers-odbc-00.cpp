#include <sql.h>
#include <sqlext.h>
class LedgerService {
public:
  void postEntry(int Amount);

private:
  SQLHENV Env = SQL_NULL_HENV; // an environment, not a session
  SQLHDBC Dbc = SQL_NULL_HDBC;
  SQLHSTMT Stmt = SQL_NULL_HSTMT; // a statement, not a session
};
static SQLHDBC SharedDbc;
static SQLHENV SharedEnv;

void handleRequest(SQLHDBC Dbc) {
  SQLHSTMT Stmt;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Stmt);
  SQLFreeHandle(SQL_HANDLE_STMT, Stmt);
}

// session-unscoped-acquire: only connection handles are sessions.
bool connectLedger(SQLHENV Env) {
  SQLHDBC Dbc;
  SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc);
  SQLRETURN Status = SQLConnect(Dbc, (SQLCHAR *)"ledger", SQL_NTS, nullptr, 0,
                                nullptr, 0);
  if (!SQL_SUCCEEDED(Status))
    return false;
  SQLDisconnect(Dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
  return true;
}
void statementOnly(SQLHDBC Dbc) {
  SQLHSTMT Stmt;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Stmt);
}
// SQLAllocHandle allocates nothing when it fails: a checked result decides.
int checkedAllocation(SQLHENV Env) {
  SQLHDBC Dbc = SQL_NULL_HDBC;
  SQLRETURN Status = SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc);
  if (Status != SQL_SUCCESS && Status != SQL_SUCCESS_WITH_INFO)
    return -1;
  SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
  return 0;
}

