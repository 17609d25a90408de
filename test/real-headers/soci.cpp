// Real SOCI headers (libsoci-dev).
// RUN: %check_session %s

#include <memory>
#include <soci/soci.h>
#include <string>
#include <thread>

class UserRepository {
public:
  explicit UserRepository(soci::session &Sql) : Sql(Sql) {}
  int countUsers();

private:
  soci::session &Sql;
// CHECK-NOTES: :[[@LINE-1]]:18: warning: session 'Sql' of type 'soci::session &' is stored in a member of 'UserRepository'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

class ReportService {
public:
  ReportService() : Sql(std::make_unique<soci::session>()) {}
  void monthlyReport();

private:
  std::unique_ptr<soci::session> Sql;
// CHECK-NOTES: :[[@LINE-1]]:34: warning: session 'Sql' of type 'std::unique_ptr<soci::session>' is stored in a member of 'ReportService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

soci::session GlobalSql;
// CHECK-NOTES: :[[@LINE-1]]:15: warning: session 'GlobalSql' of type 'soci::session' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]

// Pools may be long-lived; a service keeps the pool and opens a session per
// operation.
soci::connection_pool &sharedPool() {
  static soci::connection_pool Pool(8);
// CHECK-NOTES: :[[@LINE-1]]:32: remark: connection pool 'Pool' of type 'soci::connection_pool' holds up to 8 connections per process [session-pool-budget]
  return Pool;
}
class OrderService {
public:
  explicit OrderService(soci::connection_pool &Pool) : Pool(Pool) {}
  void placeOrder(int Id) {
    soci::session Sql(Pool);
    soci::transaction Tx(Sql);
    Sql << "insert into orders(id) values(:id)", soci::use(Id);
    Tx.commit();
  }

private:
  soci::connection_pool &Pool;
};
void handleRequest(soci::session &Sql) {
  int Count = 0;
  Sql << "select count(*) from users", soci::into(Count);
}

// session-unscoped-acquire: SOCI throws soci::soci_error.
int rawSession(soci::connection_pool &Pool) {
  auto *Sql = new soci::session(Pool);
// CHECK-NOTES: :[[@LINE-1]]:15: warning: session 'Sql' acquired by 'new' is not released on every path out of 'rawSession'; own it with 'std::unique_ptr<soci::session>' or a local 'soci::session' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+2]]:3: note: leaked if this call throws: a release later in the function does not run when an exception unwinds
  int Count = 0;
  *Sql << "select count(*) from users", soci::into(Count);
  delete Sql;
  return Count;
}

// session-escape: a detached thread outlives the pooled session.
void refreshInBackground(soci::connection_pool &Pool) {
  soci::session Sql(Pool);
  std::thread([&Sql] { Sql << "refresh materialized view stats"; }).detach();
// CHECK-NOTES: :[[@LINE-1]]:15: warning: session 'Sql', owned by this scope, is captured by reference in a lambda run by a detached thread, which may outlive it; join the thread before the scope ends, or let the thread open its own session [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:17: note: 'Sql' is declared here and closed at the end of its scope
}
