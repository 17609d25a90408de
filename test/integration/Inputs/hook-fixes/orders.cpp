#include <pqxx/pqxx>

class OrderService {
public:
  int count(pqxx::connection &Db);
};

int OrderService::count(pqxx::connection &Db) {
  pqxx::work Tx(Db);
  return Tx.exec1("SELECT count(*) FROM orders")[0].as<int>();
}
