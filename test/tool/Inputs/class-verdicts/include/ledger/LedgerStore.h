#pragma once
#include <pqxx/pqxx>
#include <string>

// From this header alone, a connection wrapper: it hands out its connection.
// Its bodies (ledger_store.cpp) run SQL on the ledger's own table: a service.
class LedgerStore {
public:
  explicit LedgerStore(const std::string &Options);
  pqxx::connection &connection();
  long balance(int Account);

private:
  pqxx::connection Conn;
};
