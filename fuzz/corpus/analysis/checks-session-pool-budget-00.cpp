#include <Poco/Data/SessionPool.h>
#include <cppdb/backend.h>
#include <cppdb/frontend.h>
#include <cppdb/pool.h>
#include <memory>
#include <soci/soci.h>
constexpr int ApiPoolSize = 8;
soci::connection_pool ApiPool(ApiPoolSize);
Poco::Data::SessionPool Reports("PostgreSQL", "host=db", 1, 4);
Poco::Data::SessionPool Defaults("PostgreSQL", "host=db");
auto Jobs = std::make_unique<soci::connection_pool>(3);
cppdb::pool::pointer Shop = cppdb::pool::create("postgresql:dbname=shop;@pool_size=6");
cppdb::pool::pointer Legacy = cppdb::pool::create("postgresql:dbname=legacy");

int configuredSize();
void sized(int Size) {
  soci::connection_pool FromConfig(configuredSize());
}

// References and pointers to pools are not constructions.
void usePool(soci::connection_pool &Pool, Poco::Data::SessionPool *Other) {
  soci::session Sql(Pool);
}

