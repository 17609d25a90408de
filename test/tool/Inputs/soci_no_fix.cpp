#include <memory>
#include <soci/soci.h>

// Not mechanical: a session behind a pointer, and a name already taken.
void throughPointer(soci::session *Sql) {
  Sql->begin();
  *Sql << "insert into orders values (1)";
  Sql->commit();
}
void nameTaken(soci::session &Sql) {
  int Transaction = 0;
  Sql.begin();
  Sql << "insert into orders values (:n)", soci::use(Transaction);
  Sql.commit();
}
