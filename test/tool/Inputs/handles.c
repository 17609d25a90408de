#include <sqlite3.h>

static sqlite3 *Db;

int countRows(sqlite3 *Conn) {
  sqlite3 *Local = Conn;
  return Local != 0;
}
