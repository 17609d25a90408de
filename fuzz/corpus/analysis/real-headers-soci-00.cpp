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
};

class ReportService {
public:
  ReportService() : Sql(std::make_unique<soci::session>()) {}
  void monthlyReport();

private:
  std::unique_ptr<soci::session> Sql;
};

soci::session GlobalSql;

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

// session-unscoped-acquire: SOCI throws soci::soci_error.
int rawSession(soci::connection_pool &Pool) {
  auto *Sql = new soci::session(Pool);
  int Count = 0;
  *Sql << "select count(*) from users", soci::into(Count);
  delete Sql;
  return Count;
}

// session-escape: a detached thread outlives the pooled session.
void refreshInBackground(soci::connection_pool &Pool) {
  soci::session Sql(Pool);
  std::thread([&Sql] { Sql << "refresh materialized view stats"; }).detach();
}

