#include <pqxx/pqxx>

int countOrders(pqxx::connection &Conn) {
  pqxx::work Tx(Conn);
  return Tx.exec1("SELECT count(*) FROM orders")[0].as<int>();
}
