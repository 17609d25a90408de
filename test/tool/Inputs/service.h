#pragma once
#include <pqxx/pqxx>

class HeaderService {
public:
  void refreshPrices();

private:
  pqxx::connection Conn{"dbname=app"};
};
