#include <memory>
#include <sqlite3.h>
class SettingsStore {
public:
  SettingsStore() { sqlite3_open("settings.db", &Db); }
  const char *lookupSetting(const char *Key);

private:
  sqlite3 *Db = nullptr;
  sqlite3_stmt *Lookup = nullptr;
};
static sqlite3 *GlobalDb;

using SqliteOwner = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
void backgroundJob() {
  sqlite3 *Raw = nullptr;
  sqlite3_open("app.db", &Raw);
  SqliteOwner Db(Raw, &sqlite3_close);
  sqlite3_exec(Db.get(), "vacuum", nullptr, nullptr, nullptr);
}
void handleRequest(sqlite3 *Db) {
  sqlite3_exec(Db, "select 1", nullptr, nullptr, nullptr);
}

// sqlite3_open allocates the handle even when it fails
// (session-unscoped-acquire).
int openNotes(const char *Path) {
  sqlite3 *Db = nullptr;
  if (sqlite3_open_v2(Path, &Db, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK)
    return 1;
  sqlite3_close(Db);
  return 0;
}
int openNotesSafely(const char *Path) {
  sqlite3 *Db = nullptr;
  int Status = sqlite3_open(Path, &Db);
  if (Status == SQLITE_OK)
    sqlite3_exec(Db, "select 1", nullptr, nullptr, nullptr);
  sqlite3_close(Db);
  return Status;
}

