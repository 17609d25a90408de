#include "orders/OrderService.h"

int dailyReport() {
  orders::OrderService Service("dbname=reports");
  return Service.countOpen();
}
