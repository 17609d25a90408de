#include <pqxx/pqxx>

class OrderService {
public:
  explicit OrderService(const char *Url) : Db(Url) {}
  int count();

private:
  pqxx::connection Db;
};

int OrderService::count() {
  pqxx::work Tx(Db);
  return Tx.exec1("SELECT count(*) FROM orders")[0].as<int>();
}
