// Tests session-pool-budget against the real SOCI, POCO and cppdb headers:
// every pool construction is a remark with its capacity when it is a
// compile-time constant.
// RUN: %check_session --checks=-*,session-pool-budget %s

#include <Poco/Data/SessionPool.h>
#include <cppdb/backend.h>
#include <cppdb/frontend.h>
#include <cppdb/pool.h>
#include <memory>
#include <soci/soci.h>

constexpr int ApiPoolSize = 8;
soci::connection_pool ApiPool(ApiPoolSize);
// CHECK-MESSAGES: :[[@LINE-1]]:23: remark: connection pool 'ApiPool' of type 'soci::connection_pool' holds up to 8 connections per process [session-pool-budget]
Poco::Data::SessionPool Reports("PostgreSQL", "host=db", 1, 4);
// CHECK-MESSAGES: :[[@LINE-1]]:25: remark: connection pool 'Reports' of type 'Poco::Data::SessionPool' holds up to 4 connections per process [session-pool-budget]
Poco::Data::SessionPool Defaults("PostgreSQL", "host=db");
// CHECK-MESSAGES: :[[@LINE-1]]:25: remark: connection pool 'Defaults' of type 'Poco::Data::SessionPool' holds up to 32 connections per process [session-pool-budget]
auto Jobs = std::make_unique<soci::connection_pool>(3);
// CHECK-MESSAGES: :[[@LINE-1]]:13: remark: connection pool 'Jobs' of type 'soci::connection_pool' holds up to 3 connections per process [session-pool-budget]
cppdb::pool::pointer Shop = cppdb::pool::create("postgresql:dbname=shop;@pool_size=6");
// CHECK-MESSAGES: :[[@LINE-1]]:29: remark: connection pool 'Shop' of type 'cppdb::pool' holds up to 6 connections per process [session-pool-budget]
cppdb::pool::pointer Legacy = cppdb::pool::create("postgresql:dbname=legacy");
// CHECK-MESSAGES: :[[@LINE-1]]:31: remark: connection pool 'Legacy' of type 'cppdb::pool' has an unknown capacity (no '@pool_size' in a literal connection string); give it in the deployment file [session-pool-budget]

int configuredSize();
void sized(int Size) {
  soci::connection_pool FromConfig(configuredSize());
// CHECK-MESSAGES: :[[@LINE-1]]:25: remark: connection pool 'FromConfig' of type 'soci::connection_pool' has an unknown capacity (not a compile-time constant); give it in the deployment file [session-pool-budget]
}

// References and pointers to pools are not constructions.
void usePool(soci::connection_pool &Pool, Poco::Data::SessionPool *Other) {
  soci::session Sql(Pool);
}
