#include <pqxx/pqxx>

// Clean: the session is injected per call and never kept.
double price(pqxx::connection &Db, int ItemId) {
  pqxx::work Tx(Db);
  return Tx.exec1("SELECT price FROM items WHERE id = " +
                  std::to_string(ItemId))[0]
      .as<double>();
}
