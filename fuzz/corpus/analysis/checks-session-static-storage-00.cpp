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

// Static data members: reported at the declaration, not the definition.
class Registry {
public:
  static pqxx::connection *Conn;
  static inline std::unique_ptr<pqxx::connection> Inline;
  void sync();
};
pqxx::connection *Registry::Conn = nullptr;

// A Meyers singleton of a session.
pqxx::connection &connection() {
  static pqxx::connection Conn{"dbname=app"};
  return Conn;
}

// thread_local is reported unless AllowThreadLocal is set.
thread_local std::unique_ptr<pqxx::connection> PerThread;
void worker() {
  thread_local PGconn *Local = nullptr;
}

// A wrapper is a session type: storing one statically stores its session.
class DbConnection {
public:
  explicit DbConnection(const std::string &ConnInfo) : Conn(ConnInfo) {}
  pqxx::connection &get() { return Conn; }
  void exec(const std::string &Sql);

private:
  pqxx::connection Conn;
};
DbConnection &database() {
  static DbConnection Db("dbname=app");
  return Db;
}

