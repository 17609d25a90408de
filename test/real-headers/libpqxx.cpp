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

// session-unscoped-acquire: libpqxx throws; a raw pointer is not a scope.
int rawConnection() {
  auto *Conn = new pqxx::connection("dbname=inventory");
// CHECK-NOTES: :[[@LINE-1]]:16: warning: session 'Conn' acquired by 'new' is not released on every path out of 'rawConnection'; own it with 'std::unique_ptr<pqxx::connection>' or a local 'pqxx::connection' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+1]]:14: note: leaked if this call throws: a release later in the function does not run when an exception unwinds
  pqxx::work Tx(*Conn);
  int Count = Tx.exec1("select count(*) from items")[0].as<int>();
  delete Conn;
  return Count;
}

// session-escape: the connection dies with the scope.
struct Cache {
  pqxx::connection *Source = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:21: warning: session 'Source' of type 'pqxx::connection *' is stored in a member of 'Cache'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};
void fill(Cache &Target) {
  pqxx::connection Conn("dbname=inventory");
  Target.Source = &Conn;
// CHECK-NOTES: :[[@LINE-1]]:19: warning: the address of session 'Conn', owned by this scope, is stored in the object behind parameter 'Target', which outlives it; pass the session as a parameter to the code that needs it instead of keeping it [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:20: note: 'Conn' is declared here and closed at the end of its scope
}
