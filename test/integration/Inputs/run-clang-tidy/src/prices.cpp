#include <pqxx/pqxx>

double price(pqxx::connection &Db, int ItemId) {
  pqxx::work Tx(Db);
  return Tx.exec1("SELECT price FROM items WHERE id = " +
                  std::to_string(ItemId))[0]
      .as<double>();
}
