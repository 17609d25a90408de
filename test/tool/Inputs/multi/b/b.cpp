#include <pqxx/pqxx>

void handleRequest(pqxx::connection &Db) {
  pqxx::work Tx(Db);
  Tx.commit();
}
