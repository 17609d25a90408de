// The order service as it was when production ran out of connections.
#include <pqxx/pqxx>
#include <memory>
#include <string>
#include <vector>

namespace shop {

// One connection for the whole process, shared by every request.
pqxx::connection *g_reporting = nullptr;

// The seed's BadService: the session is opened in the constructor and kept
// for as long as the service lives.
class OrderService {
public:
  OrderService() : db_("dbname=shop") {}

  int countOrders(const std::string &customer) {
    pqxx::work tx(db_);
    pqxx::row r = tx.exec1("select count(*) from orders where customer = " +
                           tx.quote(customer));
    tx.commit();
    return r[0].as<int>();
  }

private:
  pqxx::connection db_;
};

// "If the service is a singleton, the session leaks": an injected session
// kept by a singleton is held until the process exits.
class CustomerDirectory {
public:
  static CustomerDirectory &instance() {
    static CustomerDirectory directory;
    return directory;
  }
  void attach(pqxx::connection &db) { db_ = &db; }

  std::vector<std::string> findCustomers(const std::string &prefix) {
    pqxx::nontransaction tx(*db_);
    std::vector<std::string> names;
    for (const auto &row :
         tx.exec("select name from customers where name like " +
                 tx.quote(prefix + "%")))
      names.push_back(row[0].as<std::string>());
    return names;
  }

private:
  CustomerDirectory() = default;
  pqxx::connection *db_ = nullptr;
};

// A Meyers singleton of a connection: every caller of every thread shares it.
pqxx::connection &auditConnection() {
  static pqxx::connection conn("dbname=audit");
  return conn;
}

} // namespace shop
