// After a fatal error clang stops instantiating templates: member functions
// returning `std::shared_ptr<pqxx::work>` become invalid. An invalid member
// function says nothing about a class, so the wrapper below stays silent.

#include <memory>
#include <pqxx/pqxx>
#include <missing_include.h>

class PgConnection {
public:
  explicit PgConnection(const std::string &ConnInfo);
  void make_prepared_query(const std::string &Name, const std::string &Sql);
  std::shared_ptr<pqxx::work> sharedWorker();
  std::unique_ptr<pqxx::work> uniqueWorker();

private:
  pqxx::connection Conn;
};
