#include "ledger/Cashier.h"

bool Cashier::pay(const char *Who, const char *Amount) {
  return Trail->record(Who, Amount);
}
