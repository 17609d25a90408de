#include "orders/AuditLog.h"
#include "orders/OrderService.h"

int openOrders(const char *Url) {
  orders::OrderService Service(Url);
  return Service.countOpen();
}
