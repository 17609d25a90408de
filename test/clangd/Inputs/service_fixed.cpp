#include <pqxx/pqxx>

class OrderService {
public:
  int countOrders(pqxx::connection &Conn);
};

int *lastOrder() { return 0; }
