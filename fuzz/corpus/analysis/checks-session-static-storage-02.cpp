#include <libpq-fe.h>
#include <atomic>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>
#include <vendor_client.h>
// Namespace scope, in every spelling.
pqxx::connection GlobalConn{"dbname=app"};
static std::unique_ptr<pqxx::connection> FileLocal;
namespace app {
inline std::shared_ptr<pqxx::connection> Shared;
PGconn *Handle = nullptr;
std::vector<pqxx::connection *> All;
namespace {
pqxx::lazyconnection Lazy{"dbname=app"};
}
} // namespace app
// One finding per variable, at its definition: an extern declaration (often
// in a header every file includes) is not the variable's home.
extern pqxx::connection *Declared;
pqxx::connection *Declared = nullptr;

// Not sessions, or not static: silent.
class ConnectionPool {
public:
  pqxx::connection *acquire();
  void release(pqxx::connection *Conn);

private:
  std::vector<std::unique_ptr<pqxx::connection>> Idle;
};
ConnectionPool &pool() {
  static ConnectionPool Pool; // OK: pools may be long-lived
  return Pool;
}
static const std::string ConnInfo = "dbname=app";
static std::atomic<PGconn *> Current{nullptr};
static int ConnectionCount = 0;
void handleRequest(pqxx::connection &Db) {
  pqxx::work Tx(Db);
  Tx.commit();
}
void backgroundJob() {
  pqxx::connection Conn{ConnInfo};
  std::unique_ptr<PGconn, decltype(&PQfinish)> Handle(PQconnectdb(""),
                                                      &PQfinish);
  static int Calls = 0;
  ++Calls;
}

