#include "ledger/Dispatcher.h"
#include <string>

bool Dispatcher::announce(int Account) {
  std::string Sql = "NOTIFY ledger, '" + std::to_string(Account) + "'";
  return Link->send(Sql.c_str());
}
