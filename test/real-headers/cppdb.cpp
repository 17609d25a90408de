// Real cppdb headers (libcppdb-dev).
// RUN: %check_session %s

#include <cppdb/backend.h>
#include <cppdb/frontend.h>
#include <cppdb/pool.h>

class CatalogService {
public:
  CatalogService() : Sql("sqlite3:db=catalog.db") {}
  int countProducts();

private:
  cppdb::session Sql;
// CHECK-NOTES: :[[@LINE-1]]:18: warning: session 'Sql' of type 'cppdb::session' is stored in a member of 'CatalogService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

cppdb::session GlobalSql;
// CHECK-NOTES: :[[@LINE-1]]:16: warning: session 'GlobalSql' of type 'cppdb::session' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]

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
