// Real libpqxx headers (libpqxx-dev 6.4: pqxx::connection is an alias of a
// class template).
// RUN: %check_session %s

#include <memory>
#include <pqxx/pqxx>

class InventoryService {
public:
  InventoryService() : Conn("dbname=inventory") {}
  int stockLevel(int ItemId);

private:
  pqxx::connection Conn;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: session 'Conn' of type 'pqxx::connection' is stored in a member of 'InventoryService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  pqxx::lazyconnection Lazy{"dbname=inventory"};
// CHECK-NOTES: :[[@LINE-1]]:24: warning: session 'Lazy' of type 'pqxx::lazyconnection' is stored in a member of 'InventoryService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

static pqxx::connection *Shared = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: session 'Shared' of type 'pqxx::connection *' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]

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
