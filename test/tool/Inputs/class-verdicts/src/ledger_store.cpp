#include "ledger/LedgerStore.h"

LedgerStore::LedgerStore(const std::string &Options) : Conn(Options) {}

pqxx::connection &LedgerStore::connection() { return Conn; }

long LedgerStore::balance(int Account) {
  pqxx::work Tx(Conn);
  pqxx::row Row = Tx.exec_params1(
      "SELECT sum(amount) FROM ledger_entries WHERE account = $1", Account);
  return Row[0].as<long>();
}
