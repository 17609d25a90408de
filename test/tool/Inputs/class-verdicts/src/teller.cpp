#include "ledger/Teller.h"

long Teller::pay(int Account, long Amount) {
  return Store->balance(Account) - Amount;
}
