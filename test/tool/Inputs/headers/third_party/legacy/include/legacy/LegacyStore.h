#pragma once
#include <pqxx/pqxx>

namespace legacy {

// The same misuse, in a library the build includes with -isystem: its
// code is not the project's, so it is never reported.
class LegacyStore {
public:
  void save();

private:
  pqxx::connection Db{"dbname=legacy"};
};

} // namespace legacy
