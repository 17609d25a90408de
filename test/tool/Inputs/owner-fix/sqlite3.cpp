#include <sqlite3.h>

int openNotes(const char *Path) {
  sqlite3 *Db = nullptr;
  if (sqlite3_open_v2(Path, &Db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    return 1;
  sqlite3_exec(Db, "select 1", nullptr, nullptr, nullptr);
  sqlite3_close(Db);
  return 0;
}
