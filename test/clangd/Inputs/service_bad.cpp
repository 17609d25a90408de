#include <pqxx/pqxx>

class OrderService {
public:
  int countOrders();

private:
  pqxx::connection Conn{"dbname=shop"};
};

pqxx::connection *Reporting = nullptr;

int *lastOrder() { return 0; }
