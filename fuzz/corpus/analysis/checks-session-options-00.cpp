#include <libpq-fe.h>
#include <memory>
#include <pqxx/pqxx>
#include <vector>

namespace app {
class Db {
public:
  void findUser(int Id);
};
namespace legacy {
struct OrderHandle {};
struct Order {};
} // namespace legacy

// Not a pool by name or shape: only PoolTypes makes it one.
class Workers {
public:
  void schedule();

private:
  std::vector<Db> Sessions; // a PoolTypes pool keeps its sessions
};

// Not a wrapper by shape (a domain method): only GuardTypes makes it one.
class Lease {
public:
  void renewSubscription();

private:
  PGconn *Conn = nullptr;
};

// A unit of work: only ScopeClasses exempts it.
class Job {
public:
  void run();

private:
  PGconn *Conn = nullptr;
};
} // namespace app

class Service {
  void handle();
  app::Db Session;
  app::legacy::OrderHandle Handle;
  app::legacy::Order NotAHandle;
  app::Lease Leased;
  pqxx::connection Conn{"dbname=app"};
  PGconn *Raw = nullptr;
};

thread_local PGconn *PerThread = nullptr;
app::Db Global;

