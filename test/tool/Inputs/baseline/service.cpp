#include <pqxx/pqxx>

pqxx::connection *Primary = nullptr;

class OrderRepository {
  pqxx::connection Conn;
};
