#include "ledger/LedgerStore.h"

// The process-wide store: a service (ledger_store.cpp), no session, though
// this unit alone, seeing it hand out its connection, takes it for a wrapper.
LedgerStore *DefaultStore = nullptr;
