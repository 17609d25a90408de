// Tests session-member-storage against the real libpqxx and libpq headers.
// RUN: %check_session --checks=-*,session-member-storage %s -- -isystem %S/Inputs/system %libpq_flags

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>
#include <vendor_client.h>

// The seed's BadService: the session is created in the constructor and kept.
class BadService {
public:
  BadService() : db_("dbname=app") {}
  int countUsers();

private:
  pqxx::connection db_;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: session 'db_' of type 'pqxx::connection' is stored in a member of 'BadService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// An injected session kept in a member: "if the service is a singleton, the
// session leaks".
class InjectedService {
public:
  explicit InjectedService(pqxx::connection &db) : db_(db) {}
  void saveOrder(int id);

private:
  pqxx::connection &db_;
// CHECK-NOTES: :[[@LINE-1]]:21: warning: session 'db_' of type 'pqxx::connection &' is stored in a member of 'InjectedService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

struct Holders {
  void refresh();
  const pqxx::connection &ConstRef;
// CHECK-NOTES: :[[@LINE-1]]:27: warning: session 'ConstRef' of type 'const pqxx::connection &' is stored in a member of 'Holders'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  pqxx::connection *Raw = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:21: warning: session 'Raw' of type 'pqxx::connection *' is stored in a member of 'Holders'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  std::unique_ptr<pqxx::connection> Unique;
// CHECK-NOTES: :[[@LINE-1]]:37: warning: session 'Unique' of type 'std::unique_ptr<pqxx::connection>' is stored in a member of 'Holders'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  std::shared_ptr<pqxx::connection> Shared;
// CHECK-NOTES: :[[@LINE-1]]:37: warning: session 'Shared' of type 'std::shared_ptr<pqxx::connection>' is stored in a member of 'Holders'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  std::weak_ptr<pqxx::connection> Weak;
// CHECK-NOTES: :[[@LINE-1]]:35: warning: session 'Weak' of type 'std::weak_ptr<pqxx::connection>' is stored in a member of 'Holders'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  std::optional<pqxx::lazyconnection> Lazy;
// CHECK-NOTES: :[[@LINE-1]]:39: warning: session 'Lazy' of type 'std::optional<pqxx::lazyconnection>' is stored in a member of 'Holders'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  std::vector<std::unique_ptr<pqxx::connection>> Many;
// CHECK-NOTES: :[[@LINE-1]]:50: warning: session 'Many' of type 'std::vector<std::unique_ptr<pqxx::connection>>' is stored in a member of 'Holders'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  std::map<std::string, std::shared_ptr<pqxx::connection>> ByTenant;
// CHECK-NOTES: :[[@LINE-1]]:60: warning: session 'ByTenant' of type 'std::map<std::string, std::shared_ptr<pqxx::connection>>' is stored in a member of 'Holders'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  pqxx::connection *Array[4];
// CHECK-NOTES: :[[@LINE-1]]:21: warning: session 'Array' of type 'pqxx::connection *[4]' is stored in a member of 'Holders'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  pqxx::connection_base *Base = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: session 'Base' of type 'pqxx::connection_base *' is stored in a member of 'Holders'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  PGconn *Handle = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:11: warning: session 'Handle' of type 'PGconn *' is stored in a member of 'Holders'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  std::unique_ptr<PGconn, decltype(&PQfinish)> OwnedHandle{nullptr, &PQfinish};
// CHECK-NOTES: :[[@LINE-1]]:48: warning: session 'OwnedHandle' of type 'std::unique_ptr<PGconn, decltype(&PQfinish)>' is stored in a member of 'Holders'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// Names the user gave the session type do not hide it.
using Db = pqxx::connection;
typedef std::unique_ptr<pqxx::connection> DbPtr;
template <class T> using Owned = std::unique_ptr<T>;
class AliasedService {
  void loadPrices();
  Db Direct;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: session 'Direct' of type 'Db' is stored in a member of 'AliasedService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  DbPtr ViaTypedef;
// CHECK-NOTES: :[[@LINE-1]]:9: warning: session 'ViaTypedef' of type 'DbPtr' is stored in a member of 'AliasedService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  Owned<pqxx::connection> ViaAliasTemplate;
// CHECK-NOTES: :[[@LINE-1]]:27: warning: session 'ViaAliasTemplate' of type 'Owned<pqxx::connection>' is stored in a member of 'AliasedService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  decltype(Direct) *ViaDecltype = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:21: warning: session 'ViaDecltype' of type 'decltype(Direct) *' is stored in a member of 'AliasedService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// A user type deriving from a session type is a session type.
class AuditedConnection : public pqxx::connection {
public:
  AuditedConnection() : pqxx::connection("dbname=app") {}
  void audit();
};
class ReportService {
  void monthly();
  AuditedConnection Conn;
// CHECK-NOTES: :[[@LINE-1]]:21: warning: session 'Conn' of type 'AuditedConnection' is stored in a member of 'ReportService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// A thin wrapper owns one session and offers only session operations: its own
// member is fine, but a service that stores the wrapper stores a session.
class DbConnection {
public:
  explicit DbConnection(const std::string &ConnInfo)
      : Conn(std::make_unique<pqxx::connection>(ConnInfo)) {}
  pqxx::connection &get() { return *Conn; }
  void exec(const std::string &Sql);
  bool isOpen() const;

private:
  std::unique_ptr<pqxx::connection> Conn; // OK: the wrapper owns its session
};
class UserService {
public:
  void createUser(const std::string &Name);

private:
  DbConnection Db;
// CHECK-NOTES: :[[@LINE-1]]:16: warning: session 'Db' of type 'DbConnection' is stored in a member of 'UserService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-9]]:37: note: 'DbConnection' counts as a session: it owns 'std::unique_ptr<pqxx::connection>' through its member 'Conn'
};

// Thin connection classes that hand out transactions: a method returning a
// transaction guard or a session is a session operation, whatever its name.
class PgConnection {
public:
  explicit PgConnection(const std::string &ConnInfo) : Conn(ConnInfo) {}
  void make_prepared_query(const std::string &Name, const std::string &Sql);
  std::unique_ptr<pqxx::work> getUniqueWorker();
  pqxx::nontransaction reader();

private:
  pqxx::connection Conn; // OK: a wrapper
};

// Named like a pool but shaped like a service: one session, nothing handed
// out. And "pool" must be a word of the name.
class SessionPool {
public:
  void printStatus() const;

private:
  pqxx::connection Conn{"dbname=app"};
// CHECK-NOTES: :[[@LINE-1]]:20: warning: session 'Conn' of type 'pqxx::connection' is stored in a member of 'SessionPool'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};
class PrintSpooler {
public:
  void enqueueJob(int Id);

private:
  std::vector<pqxx::connection *> Conns;
// CHECK-NOTES: :[[@LINE-1]]:35: warning: session 'Conns' of type 'std::vector<pqxx::connection *>' is stored in a member of 'PrintSpooler'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// A repository takes and returns the application's own types: a service,
// even though its verbs are generic.
struct User {
  int Id;
  std::string Name;
};
class UserRepository {
public:
  UserRepository() : Db("dbname=app") {}
  User get(int Id);
  std::vector<User> fetchAll();
  void insert(const User &NewUser);

private:
  pqxx::connection Db;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: session 'Db' of type 'pqxx::connection' is stored in a member of 'UserRepository'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-7]]:8: note: 'UserRepository' is a service, not a session wrapper: 'get' takes or returns the application's data
};

// A wrapper that releases its handle through one of its own functions.
class PgHandle {
public:
  explicit PgHandle(const char *ConnInfo) : Conn(PQconnectdb(ConnInfo)) {}
  ~PgHandle() { close(); }
  void close() {
    if (Conn)
      PQfinish(Conn);
    Conn = nullptr;
  }
  PGconn *get() const { return Conn; }

private:
  PGconn *Conn; // OK: released through close()
};

// GoogleTest constructs a fixture per test: a unit of work.
class OrdersTest : public testing::Test {
protected:
  void insertOrder(int Id);
  pqxx::connection Conn{"dbname=test"}; // OK: lives for one test
};

// A pool's nested slots are the pool's own; the lease it hands out is a
// session type.
class LeasingPool {
public:
  class Lease {
  public:
    ~Lease();
    pqxx::connection &get();

  private:
    LeasingPool *Pool;
    pqxx::connection *Conn;
  };
  Lease acquire();
  void giveBack(pqxx::connection *Conn);

private:
  struct Slot {
    pqxx::connection *Conn; // OK: part of the pool
    bool Busy = false;
    void markUsed();
  };
  std::vector<Slot> Slots;
};
LeasingPool::Lease::~Lease() { Pool->giveBack(Conn); }
class CheckoutService {
public:
  void checkout(int CartId);

private:
  LeasingPool::Lease Held;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: session 'Held' of type 'LeasingPool::Lease' is stored in a member of 'CheckoutService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-21]]:23: note: 'Lease' counts as a session: it owns 'pqxx::connection *' through its member 'Conn'
};

// A lease handed out by a pool: a raw handle its destructor gives back.
class ConnectionPool;
class Lease {
public:
  Lease(ConnectionPool &Pool, pqxx::connection *Conn) : Pool(Pool), Conn(Conn) {}
  ~Lease();
  pqxx::connection &operator*() const { return *Conn; }

private:
  ConnectionPool &Pool;
  pqxx::connection *Conn; // OK: released in the destructor
};

// A pool, by its shape: it holds many sessions and hands them out.
class ConnectionPool {
public:
  Lease acquire();
  void release(pqxx::connection *Conn);

private:
  std::vector<std::unique_ptr<pqxx::connection>> Idle; // OK: a pool
};
Lease::~Lease() { Pool.release(Conn); }

class Connections {
public:
  pqxx::connection *checkout();
  void checkin(pqxx::connection *Conn);

private:
  std::vector<pqxx::connection *> Free; // OK: a pool, by shape
};

// A service that keeps the pool, not a session, is what R2 asks for.
class OrderService {
public:
  explicit OrderService(ConnectionPool &Pool) : Pool(Pool) {}
  void placeOrder(int Id);

private:
  ConnectionPool &Pool; // OK
};

// A class the user declares to be a short-lived unit of work.
class [[clang::annotate("session-lint::scope")]] ImportJob {
public:
  void importFile(const std::string &Path);

private:
  pqxx::connection Conn{"dbname=app"}; // OK: a scope class
};

// A singleton is reported even when it looks like a wrapper.
class Database {
public:
  static Database &instance() {
    static Database Instance; // the singleton note points here
    return Instance;
  }
  pqxx::connection &connection() { return Conn; }

private:
  Database() : Conn("dbname=app") {}
  pqxx::connection Conn;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: session 'Conn' of type 'pqxx::connection' is stored in a member of singleton 'Database', which keeps it open for the life of the process; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-9]]:21: note: 'Database' is a singleton: its instance is kept here
};

class Settings {
public:
  static Settings *get();
  std::string value(const std::string &Key);

private:
  static std::unique_ptr<Settings> Instance; // the singleton note points here
  std::shared_ptr<pqxx::connection> Conn;
// CHECK-NOTES: :[[@LINE-1]]:37: warning: session 'Conn' of type 'std::shared_ptr<pqxx::connection>' is stored in a member of singleton 'Settings', which keeps it open for the life of the process; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-3]]:36: note: 'Settings' is a singleton: its instance is kept here
};

// A session member in a class template is reported once, on the template.
template <class Row> class Repository {
public:
  std::vector<Row> findAll();

private:
  pqxx::connection Conn{"dbname=app"};
// CHECK-NOTES: :[[@LINE-1]]:20: warning: session 'Conn' of type 'pqxx::connection' is stored in a member of 'Repository'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  Row Cache; // OK: dependent
};
Repository<int> Ints;
Repository<std::string> Strings;

class Outer {
  class Inner {
    void sync();
    std::unique_ptr<pqxx::connection> Conn;
// CHECK-NOTES: :[[@LINE-1]]:39: warning: session 'Conn' of type 'std::unique_ptr<pqxx::connection>' is stored in a member of 'Inner'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  };
};

// Dependency injection by parameter, RAII locals, owners and guards.
void handleRequest(pqxx::connection &Db) {
  pqxx::work Tx(Db);
  Tx.commit();
}
void backgroundJob() {
  pqxx::connection Conn{"dbname=app"};
  auto Owned = std::make_unique<pqxx::connection>("dbname=app");
  std::unique_ptr<PGconn, decltype(&PQfinish)> Handle(PQconnectdb(""), &PQfinish);
  auto Task = [&Conn] { pqxx::nontransaction N(Conn); };
  Task();
}
struct Config {
  std::string ConnInfo;
  int PoolSize = 4;
};

// Members of anonymous unions and structs belong to the enclosing class.
class ReplicaSet {
  void refreshPrices();
  union {
    pqxx::connection *Primary;
// CHECK-NOTES: :[[@LINE-1]]:23: warning: session 'Primary' of type 'pqxx::connection *' is stored in a member of 'ReplicaSet'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
    PGconn *Fallback;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: session 'Fallback' of type 'PGconn *' is stored in a member of 'ReplicaSet'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  };
};

// A class derived from a wrapper is a session type too.
class UserDirectory : public DbConnection {
public:
  using DbConnection::DbConnection;
  void createUser(const std::string &Name);
};
class SignupService {
  void signUp();
  UserDirectory Users;
// CHECK-NOTES: :[[@LINE-1]]:17: warning: session 'Users' of type 'UserDirectory' is stored in a member of 'SignupService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-260]]:37: note: 'UserDirectory' counts as a session: it owns 'std::unique_ptr<pqxx::connection>' through its member 'Conn'
  std::atomic<PGconn *> Current{nullptr};
// CHECK-NOTES: :[[@LINE-1]]:25: warning: session 'Current' of type 'std::atomic<PGconn *>' is stored in a member of 'SignupService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// A member whose type is a template parameter is reported where the
// template is instantiated with a session type.
template <class Conn> class Cache {
public:
  void refresh();

private:
  Conn Source;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: session 'Source' of type 'pqxx::basic_connection_base<pqxx::connect_direct>' is stored in a member of 'Cache<pqxx::basic_connection_base<pqxx::connect_direct>>'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE+4]]:30: note: in 'Cache<pqxx::basic_connection_base<pqxx::connect_direct>>', instantiated here
};
Cache<std::string> Names;
Cache<pqxx::connection> *Prices = nullptr;
void refreshPrices() { Prices->refresh(); }
