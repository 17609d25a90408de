// Real SOCI headers (libsoci-dev).
// RUN: %check_session %s

#include <memory>
#include <soci/soci.h>
#include <string>

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
