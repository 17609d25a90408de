// Tests the session model's options, shared by both checks through
// clang-tidy's CheckOptions (global keys serve every check).
// RUN: %check_session --check-suffix=TYPES %s --config="{CheckOptions: {SessionTypes: 'app::Db;^app::legacy::.*Handle$', PoolTypes: 'app::Workers', GuardTypes: 'app::Lease', ScopeClasses: 'app::Job'}}" -- %libpq_flags
// RUN: %check_session --check-suffix=LIBPQ %s --config="{CheckOptions: {Libraries: 'libpq'}}" -- %libpq_flags
// RUN: %check_session --check-suffix=TLS %s --config="{CheckOptions: {Libraries: 'libpq', session-static-storage.AllowThreadLocal: true}}" -- %libpq_flags

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
// CHECK-NOTES-LIBPQ: :[[@LINE-1]]:11: warning: session 'Conn' of type 'PGconn *' is stored in a member of 'Lease'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES-TLS: :[[@LINE-2]]:11: warning: session 'Conn' of type 'PGconn *' is stored in a member of 'Lease'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// A unit of work: only ScopeClasses exempts it.
class Job {
public:
  void run();

private:
  PGconn *Conn = nullptr;
// CHECK-NOTES-LIBPQ: :[[@LINE-1]]:11: warning: session 'Conn' of type 'PGconn *' is stored in a member of 'Job'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES-TLS: :[[@LINE-2]]:11: warning: session 'Conn' of type 'PGconn *' is stored in a member of 'Job'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};
} // namespace app

class Service {
  void handle();
  app::Db Session;
// CHECK-NOTES-TYPES: :[[@LINE-1]]:11: warning: session 'Session' of type 'app::Db' is stored in a member of 'Service'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  app::legacy::OrderHandle Handle;
// CHECK-NOTES-TYPES: :[[@LINE-1]]:28: warning: session 'Handle' of type 'app::legacy::OrderHandle' is stored in a member of 'Service'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  app::legacy::Order NotAHandle;
  app::Lease Leased;
// CHECK-NOTES-TYPES: :[[@LINE-1]]:14: warning: session 'Leased' of type 'app::Lease' is stored in a member of 'Service'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES-TYPES: :[[@LINE-26]]:11: note: 'Lease' counts as a session: it owns 'PGconn *' through its member 'Conn'
  pqxx::connection Conn{"dbname=app"};
// CHECK-NOTES-TYPES: :[[@LINE-1]]:20: warning: session 'Conn' of type 'pqxx::connection' is stored in a member of 'Service'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  PGconn *Raw = nullptr;
// CHECK-NOTES-TYPES: :[[@LINE-1]]:11: warning: session 'Raw' of type 'PGconn *' is stored in a member of 'Service'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES-LIBPQ: :[[@LINE-2]]:11: warning: session 'Raw' of type 'PGconn *' is stored in a member of 'Service'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES-TLS: :[[@LINE-3]]:11: warning: session 'Raw' of type 'PGconn *' is stored in a member of 'Service'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

thread_local PGconn *PerThread = nullptr;
// CHECK-NOTES-TYPES: :[[@LINE-1]]:22: warning: session 'PerThread' of type 'PGconn *' is a thread_local variable: every thread keeps its own session open until the thread ends; open it per unit of work in an RAII scope (set AllowThreadLocal to accept one session per thread) [session-static-storage]
// CHECK-NOTES-LIBPQ: :[[@LINE-2]]:22: warning: session 'PerThread' of type 'PGconn *' is a thread_local variable: every thread keeps its own session open until the thread ends; open it per unit of work in an RAII scope (set AllowThreadLocal to accept one session per thread) [session-static-storage]
app::Db Global;
// CHECK-NOTES-TYPES: :[[@LINE-1]]:9: warning: session 'Global' of type 'app::Db' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
