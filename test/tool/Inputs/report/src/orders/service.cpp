#include <pqxx/pqxx>
#include <soci/soci.h>

class OrderService {
  pqxx::connection Conn;
};

void placeOrder(soci::session &Sql, int Id) {
  Sql.begin();
  Sql << "insert into orders(id) values(:id)", soci::use(Id);
  Sql.commit();
}

void serve() {
  soci::connection_pool Pool(8);
}
