#include <memory>
#include <pqxx/pqxx>
class InventoryService {
public:
  InventoryService() : Conn("dbname=inventory") {}
  int stockLevel(int ItemId);

private:
  pqxx::connection Conn;
  pqxx::lazyconnection Lazy{"dbname=inventory"};
};
static pqxx::connection *Shared = nullptr;

void handleRequest(pqxx::connection &Conn) {
  pqxx::work Tx(Conn);
  Tx.exec("select 1");
  Tx.commit();
}
void backgroundJob() {
  pqxx::connection Conn("dbname=inventory");
  pqxx::nontransaction Tx(Conn);
  auto Owned = std::make_unique<pqxx::connection>("dbname=inventory");
}

// session-unscoped-acquire: libpqxx throws; a raw pointer is not a scope.
int rawConnection() {
  auto *Conn = new pqxx::connection("dbname=inventory");
  pqxx::work Tx(*Conn);
  int Count = Tx.exec1("select count(*) from items")[0].as<int>();
  delete Conn;
  return Count;
}

// session-escape: the connection dies with the scope.
struct Cache {
  pqxx::connection *Source = nullptr;
};
void fill(Cache &Target) {
  pqxx::connection Conn("dbname=inventory");
  Target.Source = &Conn;
}

