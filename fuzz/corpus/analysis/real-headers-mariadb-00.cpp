#include <mysql.h>
class SessionTracker {
public:
  SessionTracker() : Conn(mysql_init(nullptr)) {}
  void touchSession(const char *Token);

private:
  MYSQL *Conn;
  MYSQL_RES *LastResult = nullptr;
};
class EmbeddedHandle {
public:
  void trackVisit();

private:
  MYSQL Conn;
};
MYSQL *Shared = nullptr;

void handleRequest(MYSQL *Conn) { mysql_query(Conn, "select 1"); }
void backgroundJob() {
  MYSQL *Conn = mysql_init(nullptr);
  mysql_query(Conn, "select 1");
  mysql_close(Conn);
}

// session-unscoped-acquire: a failed connect still needs mysql_close.
bool connectOrFail(const char *Host) {
  MYSQL *Conn = mysql_init(nullptr);
  if (!Conn)
    return false;
  if (!mysql_real_connect(Conn, Host, "app", "secret", "app", 3306, nullptr, 0))
    return false;
  mysql_close(Conn);
  return true;
}
bool connectSafely(const char *Host) {
  MYSQL *Conn = mysql_init(nullptr);
  if (!Conn)
    return false;
  bool Ok = mysql_real_connect(Conn, Host, "app", "secret", "app", 3306,
                               nullptr, 0) != nullptr;
  mysql_close(Conn);
  return Ok;
}

// Not acquisitions: mysql_init on the caller's storage, and
// mysql_real_connect, which returns its first argument.
int embeddedStorage(const char *Host) {
  MYSQL Storage;
  mysql_init(&Storage);
  if (!mysql_real_connect(&Storage, Host, "app", "secret", "app", 0, nullptr, 0)) {
    mysql_close(&Storage);
    return 1;
  }
  mysql_close(&Storage);
  return 0;
}
int aliasedResult(const char *Host) {
  MYSQL *Handle = mysql_init(nullptr);
  if (!Handle)
    return 1;
  MYSQL *Conn = mysql_real_connect(Handle, Host, "app", "secret", "app", 0,
                                   nullptr, 0);
  mysql_close(Handle);
  return Conn ? 0 : 1;
}

