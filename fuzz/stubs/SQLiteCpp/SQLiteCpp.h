// Stub SQLiteCpp for the analysis fuzzer.
#pragma once
#include <string>
namespace SQLite {
enum { OPEN_READONLY = 1, OPEN_READWRITE = 2, OPEN_CREATE = 4 };
class Database {
public:
  explicit Database(const std::string &File, int Flags = OPEN_READONLY, int BusyTimeoutMs = 0);
  Database(Database &&) noexcept;
  ~Database();
  int exec(const std::string &Query);
  bool tableExists(const std::string &Table) const;
};
class Statement {
public:
  Statement(Database &Db, const std::string &Query);
  bool executeStep();
  void bind(int Index, int Value);
};
class Transaction {
public:
  explicit Transaction(Database &Db);
  ~Transaction();
  void commit();
};
} // namespace SQLite
