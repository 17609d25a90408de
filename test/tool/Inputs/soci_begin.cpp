#include <soci/soci.h>

void placeOrder(soci::session &Sql, int Id) {
  Sql.begin();
  Sql << "insert into orders(id) values(:id)", soci::use(Id);
  Sql.commit();
}
