// One process of the seed deployment: its pool holds pool_size 10 +
// max_overflow 5 = 15 connections (Poco: min 10, max 15).
#include <Poco/Data/SessionPool.h>
Poco::Data::SessionPool Pool("PostgreSQL", "host=db dbname=app", 10, 15);
