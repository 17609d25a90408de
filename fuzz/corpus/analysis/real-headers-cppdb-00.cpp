#include <cppdb/backend.h>
#include <cppdb/frontend.h>
#include <cppdb/pool.h>
class CatalogService {
public:
  CatalogService() : Sql("sqlite3:db=catalog.db") {}
  int countProducts();

private:
  cppdb::session Sql;
};
cppdb::session GlobalSql;

// cppdb pools are reference counted and meant to be shared.
class PricingService {
public:
  explicit PricingService(cppdb::pool::pointer Pool) : Pool(Pool) {}
  void reprice(int Id) {
    cppdb::session Sql(Pool->open());
    cppdb::transaction Tx(Sql);
    Sql << "update products set price = price * 2 where id=?" << Id
        << cppdb::exec;
    Tx.commit();
  }

private:
  cppdb::pool::pointer Pool;
};
void handleRequest(cppdb::session &Sql) { Sql << "select 1" << cppdb::exec; }

