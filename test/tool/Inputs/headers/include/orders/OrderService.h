#pragma once
#include <pqxx/pqxx>
#include <string>

namespace orders {

// Keeps one connection for its whole life: the finding is here, in the
// header, whichever units include it.
class OrderService {
public:
  explicit OrderService(const std::string &Url) : Db(Url) {}
  int countOpen();

private:
  pqxx::connection Db;
};

} // namespace orders
