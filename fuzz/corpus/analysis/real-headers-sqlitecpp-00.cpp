#include <SQLiteCpp/SQLiteCpp.h>
#include <memory>
class NotesService {
public:
  NotesService() : Db("notes.db", SQLite::OPEN_READWRITE) {}
  int countNotes();

private:
  SQLite::Database Db;
};

SQLite::Database &database() {
  static SQLite::Database Db("app.db");
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

