#pragma once
#include "ledger/AuditTrail.h"

// Keeps a pointer to the audit service, which is no session.
class Cashier {
public:
  explicit Cashier(AuditTrail *Trail) : Trail(Trail) {}
  bool pay(const char *Who, const char *Amount);

private:
  AuditTrail *Trail;
};
