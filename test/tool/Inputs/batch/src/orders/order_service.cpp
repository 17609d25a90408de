#include <pqxx/pqxx>

class OrderService {
public:
  void place();

private:
  pqxx::connection Conn;
};

pqxx::connection *Shared = nullptr;

#ifdef SECOND
pqxx::connection *OnlyInTheSecondCommand = nullptr;
#endif
