// A table a function creates and drops again before it returns is scratch
// space (a connection class writing a file header, a probe that the server
// accepts DDL), not a table of the application: it does not make the class a
// service. A table that survives the function does: one dropped and then
// created again, and the tables a scratch table is filled from.
// RUN: %check_session --checks=-*,session-member-storage %s -- -std=c++17

#include <sqlite3.h>
#include <string>

// A connection class: opens a file, makes sure it is a database by creating
// and dropping a table, and runs the SQL its callers pass in.
class Store {
public:
  bool create(const std::string &Path) {
    if (sqlite3_open(Path.c_str(), &Db) != SQLITE_OK)
      return false;
    run("CREATE TABLE probe_header (id INTEGER PRIMARY KEY);");
    run("DROP TABLE probe_header;");
    return true;
  }
  bool run(const std::string &Sql) {
    return sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr) ==
           SQLITE_OK;
  }
  ~Store() { sqlite3_close(Db); }

private:
  sqlite3 *Db = nullptr; // OK: the connection class's own handle
};

// Keeps one of those connections for as long as it lives.
class Browser {
public:
  explicit Browser(Store &Opened) : Current(&Opened) {}

private:
  Store *Current;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: session 'Current' of type 'Store *' is stored in a member of 'Browser'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-11]]:12: note: 'Store' counts as a session: it owns 'sqlite3 *' through its member 'Db', and 'create' opens or closes it
};

// Drops its table and creates it again: the table outlives the function.
class Schema {
public:
  bool reset() {
    return exec("DROP TABLE IF EXISTS visits;") &&
           exec("CREATE TABLE visits (url TEXT, at INTEGER);");
  }
  ~Schema() { sqlite3_close(Db); }

private:
  bool exec(const char *Sql) {
    return sqlite3_exec(Db, Sql, nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  sqlite3 *Db = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: session 'Db' of type 'sqlite3 *' is stored in a member of 'Schema'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-11]]:17: note: 'Schema' is a service, not a session wrapper: 'reset' runs SQL on its own table 'visits'
};

// A scratch table filled from a table of the application's.
class Report {
public:
  bool monthly() {
    return exec("CREATE TEMP TABLE month_totals (amount INTEGER);") &&
           exec("INSERT INTO month_totals SELECT amount FROM invoices;") &&
           exec("DROP TABLE month_totals;");
  }
  ~Report() { sqlite3_close(Db); }

private:
  bool exec(const char *Sql) {
    return sqlite3_exec(Db, Sql, nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  sqlite3 *Db = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: session 'Db' of type 'sqlite3 *' is stored in a member of 'Report'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-11]]:17: note: 'Report' is a service, not a session wrapper: 'monthly' runs SQL on its own table 'invoices'
};
