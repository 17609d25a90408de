// Real MariaDB/MySQL C headers (libmariadb-dev).
// RUN: %check_session %s -- %mariadb_flags

#include <mysql.h>

class SessionTracker {
public:
  SessionTracker() : Conn(mysql_init(nullptr)) {}
  void touchSession(const char *Token);

private:
  MYSQL *Conn;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: session 'Conn' of type 'MYSQL *' is stored in a member of 'SessionTracker'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  MYSQL_RES *LastResult = nullptr;
};

class EmbeddedHandle {
public:
  void trackVisit();

private:
  MYSQL Conn;
// CHECK-NOTES: :[[@LINE-1]]:9: warning: session 'Conn' of type 'MYSQL' is stored in a member of 'EmbeddedHandle'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

MYSQL *Shared = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: session 'Shared' of type 'MYSQL *' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]

void handleRequest(MYSQL *Conn) { mysql_query(Conn, "select 1"); }
void backgroundJob() {
  MYSQL *Conn = mysql_init(nullptr);
  mysql_query(Conn, "select 1");
  mysql_close(Conn);
}
