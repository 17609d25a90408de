// Real SQLite C headers (libsqlite3-dev).
// RUN: %check_session %s

#include <memory>
#include <sqlite3.h>

class SettingsStore {
public:
  SettingsStore() { sqlite3_open("settings.db", &Db); }
  const char *lookupSetting(const char *Key);

private:
  sqlite3 *Db = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: session 'Db' of type 'sqlite3 *' is stored in a member of 'SettingsStore'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  sqlite3_stmt *Lookup = nullptr;
};

static sqlite3 *GlobalDb;
// CHECK-NOTES: :[[@LINE-1]]:17: warning: session 'GlobalDb' of type 'sqlite3 *' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]

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
// CHECK-NOTES: :[[@LINE-1]]:7: warning: session 'Db' acquired by 'sqlite3_open_v2' is not released on every path out of 'openNotes'; own it with 'std::unique_ptr<sqlite3, decltype(&sqlite3_close)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+2]]:5: note: leaked when this return is taken
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
