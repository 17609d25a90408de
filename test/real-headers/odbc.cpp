// Real ODBC headers (unixodbc-dev). SQLHDBC is a typedef of a void pointer:
// only its name says it is a connection.
// RUN: %check_session %s

#include <sql.h>
#include <sqlext.h>

class LedgerService {
public:
  void postEntry(int Amount);

private:
  SQLHENV Env = SQL_NULL_HENV; // an environment, not a session
  SQLHDBC Dbc = SQL_NULL_HDBC;
// CHECK-NOTES: :[[@LINE-1]]:11: warning: session 'Dbc' of type 'SQLHDBC' is stored in a member of 'LedgerService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  SQLHSTMT Stmt = SQL_NULL_HSTMT; // a statement, not a session
};

static SQLHDBC SharedDbc;
// CHECK-NOTES: :[[@LINE-1]]:16: warning: session 'SharedDbc' of type 'SQLHDBC' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
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
// CHECK-NOTES: :[[@LINE-1]]:3: warning: session 'Dbc' acquired by 'SQLAllocHandle' is not released on every path out of 'connectLedger'; own it with an RAII class that calls SQLDisconnect and SQLFreeHandle [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+4]]:5: note: leaked when this return is taken
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
