#include <memory>
#include <mysql.h>

bool storeEvent(const char *Host, const char *Query) {
  MYSQL *Conn = mysql_init(nullptr);
  if (!mysql_real_connect(Conn, Host, "app", "secret", "events", 0, nullptr, 0))
    return false;
  bool Ok = mysql_query(Conn, Query) == 0;
  mysql_close(Conn);
  return Ok;
}
