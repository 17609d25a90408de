// Tests session-static-storage against the real libpqxx and libpq headers.
// RUN: %check_session --checks=-*,session-static-storage %s -- -isystem %S/Inputs/system %libpq_flags

#include <libpq-fe.h>
#include <atomic>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>
#include <vendor_client.h>

// Namespace scope, in every spelling.
pqxx::connection GlobalConn{"dbname=app"};
// CHECK-NOTES: :[[@LINE-1]]:18: warning: session 'GlobalConn' of type 'pqxx::connection' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
static std::unique_ptr<pqxx::connection> FileLocal;
// CHECK-NOTES: :[[@LINE-1]]:42: warning: session 'FileLocal' of type 'std::unique_ptr<pqxx::connection>' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
namespace app {
inline std::shared_ptr<pqxx::connection> Shared;
// CHECK-NOTES: :[[@LINE-1]]:42: warning: session 'Shared' of type 'std::shared_ptr<pqxx::connection>' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
PGconn *Handle = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:9: warning: session 'Handle' of type 'PGconn *' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
std::vector<pqxx::connection *> All;
// CHECK-NOTES: :[[@LINE-1]]:33: warning: session 'All' of type 'std::vector<pqxx::connection *>' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
namespace {
pqxx::lazyconnection Lazy{"dbname=app"};
// CHECK-NOTES: :[[@LINE-1]]:22: warning: session 'Lazy' of type 'pqxx::lazyconnection' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
}
} // namespace app

// One finding per variable, at its definition: an extern declaration (often
// in a header every file includes) is not the variable's home.
extern pqxx::connection *Declared;
pqxx::connection *Declared = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:19: warning: session 'Declared' of type 'pqxx::connection *' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]

// Static data members: reported at the declaration, not the definition.
class Registry {
public:
  static pqxx::connection *Conn;
// CHECK-NOTES: :[[@LINE-1]]:28: warning: session 'Conn' of type 'pqxx::connection *' is a static data member: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
  static inline std::unique_ptr<pqxx::connection> Inline;
// CHECK-NOTES: :[[@LINE-1]]:51: warning: session 'Inline' of type 'std::unique_ptr<pqxx::connection>' is a static data member: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
  void sync();
};
pqxx::connection *Registry::Conn = nullptr;

// A Meyers singleton of a session.
pqxx::connection &connection() {
  static pqxx::connection Conn{"dbname=app"};
// CHECK-NOTES: :[[@LINE-1]]:27: warning: session 'Conn' of type 'pqxx::connection' is a function-local static: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
  return Conn;
}

// thread_local is reported unless AllowThreadLocal is set.
thread_local std::unique_ptr<pqxx::connection> PerThread;
// CHECK-NOTES: :[[@LINE-1]]:48: warning: session 'PerThread' of type 'std::unique_ptr<pqxx::connection>' is a thread_local variable: every thread keeps its own session open until the thread ends; open it per unit of work in an RAII scope (set AllowThreadLocal to accept one session per thread) [session-static-storage]
void worker() {
  thread_local PGconn *Local = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:24: warning: session 'Local' of type 'PGconn *' is a thread_local variable: every thread keeps its own session open until the thread ends; open it per unit of work in an RAII scope (set AllowThreadLocal to accept one session per thread) [session-static-storage]
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
// CHECK-NOTES: :[[@LINE-1]]:23: warning: session 'Db' of type 'DbConnection' is a function-local static: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
// CHECK-NOTES: :[[@LINE-5]]:20: note: 'DbConnection' counts as a session: it owns 'pqxx::connection' through its member 'Conn'
  return Db;
}

// Function templates: reported once, on the pattern.
template <class T> pqxx::connection &perType() {
  static pqxx::connection Conn{"dbname=app"};
// CHECK-NOTES: :[[@LINE-1]]:27: warning: session 'Conn' of type 'pqxx::connection' is a function-local static: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
  return Conn;
}
template pqxx::connection &perType<int>();
template pqxx::connection &perType<long>();

// A static whose type is a template parameter: reported for each
// instantiation with a session type, where it is instantiated.
template <class T> T &instanceOf() {
  static T Instance{"dbname=app"};
// CHECK-NOTES: :[[@LINE-1]]:12: warning: session 'Instance' of type 'pqxx::basic_connection_base<pqxx::connect_direct>' is a function-local static: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
// CHECK-NOTES: :[[@LINE+3]]:38: note: in 'instanceOf<pqxx::basic_connection_base<pqxx::connect_direct>>', instantiated here
  return Instance;
}
pqxx::connection &primary() { return instanceOf<pqxx::connection>(); }
std::string &label() { return instanceOf<std::string>(); }

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
// CHECK-NOTES: :[[@LINE-1]]:30: warning: session 'Current' of type 'std::atomic<PGconn *>' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
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
