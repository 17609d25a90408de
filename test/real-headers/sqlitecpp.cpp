// Real SQLiteCpp headers (libsqlitecpp-dev).
// RUN: %check_session %s

#include <SQLiteCpp/SQLiteCpp.h>
#include <memory>

class NotesService {
public:
  NotesService() : Db("notes.db", SQLite::OPEN_READWRITE) {}
  int countNotes();

private:
  SQLite::Database Db;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: session 'Db' of type 'SQLite::Database' is stored in a member of 'NotesService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

SQLite::Database &database() {
  static SQLite::Database Db("app.db");
// CHECK-NOTES: :[[@LINE-1]]:27: warning: session 'Db' of type 'SQLite::Database' is a function-local static: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
  return Db;
}

// A thin wrapper is fine as long as it is kept as a local.
class Store {
public:
  explicit Store(const char *Path) : Db(Path, SQLite::OPEN_READWRITE) {}
  int exec(const char *Sql) { return Db.exec(Sql); }
  SQLite::Database &handle() { return Db; }

private:
  SQLite::Database Db;
};
void importRows(const char *Path) {
  Store S(Path);
  SQLite::Transaction Tx(S.handle());
  S.exec("insert into notes values (1)");
  Tx.commit();
}
void handleRequest(SQLite::Database &Db) { Db.exec("select 1"); }
