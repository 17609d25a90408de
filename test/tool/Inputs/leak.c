#include <sqlite3.h>

int countNotes(const char *Path) {
  sqlite3 *Db = 0;
  if (sqlite3_open(Path, &Db) != SQLITE_OK)
    return -1;
  sqlite3_close(Db);
  return 0;
}
