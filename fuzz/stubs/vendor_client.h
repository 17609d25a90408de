// A third-party header included with -isystem: its classes are the vendor's
// business, never reported.
#pragma once
#include <pqxx/pqxx>

namespace vendor {
class Client {
public:
  void fetchPrices();

private:
  pqxx::connection db_{"dbname=vendor"};
};
inline pqxx::connection *globalHandle = nullptr;
} // namespace vendor
