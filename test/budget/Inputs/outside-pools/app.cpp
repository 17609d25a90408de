#include <soci/soci.h>

soci::connection_pool Pool(8);

// Opened at start-up, outside the pool.
soci::session Audit("postgresql://dbname=audit");

void mayFail();
void ping() {
  soci::session *Raw = new soci::session("postgresql://dbname=app");
  mayFail();
  delete Raw;
}
