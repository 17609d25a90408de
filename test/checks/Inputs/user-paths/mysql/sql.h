// A project's own header whose folder and name look like a library's.
#pragma once
#include <pqxx/pqxx>

class MigrationRunner {
public:
  void runPending();

private:
  pqxx::connection Conn{"dbname=app"};
};
