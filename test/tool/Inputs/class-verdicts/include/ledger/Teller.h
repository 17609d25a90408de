#pragma once
#include "ledger/LedgerStore.h"

// Keeps a pointer to a service, not to a session.
class Teller {
public:
  explicit Teller(LedgerStore &Store) : Store(&Store) {}
  long pay(int Account, long Amount);

private:
  LedgerStore *Store;
};
