#include "ledger/Teller.h"

long openBranch() {
  LedgerStore Store("dbname=ledger");
  Teller Front(Store);
  return Front.pay(1, 10);
}
