#include <pqxx/pqxx>

class PriceService {
public:
  double price(int ItemId);

private:
  pqxx::connection Conn{"dbname=prices"};
};
