#include "orders/AuditLog.h"
#include "orders/OrderService.h"
#include <legacy/LegacyStore.h>

namespace orders {

int OrderService::countOpen() {
  pqxx::work Tx(Db);
  return Tx.exec1("SELECT count(*) FROM orders WHERE open")[0].as<int>();
}

} // namespace orders
