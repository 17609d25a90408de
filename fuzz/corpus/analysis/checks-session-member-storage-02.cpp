#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>
#include <vendor_client.h>
// The seed's BadService: the session is created in the constructor and kept.
class BadService {
public:
  BadService() : db_("dbname=app") {}
  int countUsers();

private:
  pqxx::connection db_;
};

// Named like a pool but shaped like a service: one session, nothing handed
// out. And "pool" must be a word of the name.
class SessionPool {
public:
  void printStatus() const;

private:
  pqxx::connection Conn{"dbname=app"};
};
class PrintSpooler {
public:
  void enqueueJob(int Id);

private:
  std::vector<pqxx::connection *> Conns;
};

// A repository takes and returns the application's own types: a service,
// even though its verbs are generic.
struct User {
  int Id;
  std::string Name;
};
class UserRepository {
public:
  UserRepository() : Db("dbname=app") {}
  User get(int Id);
  std::vector<User> fetchAll();
  void insert(const User &NewUser);

private:
  pqxx::connection Db;
};

// A wrapper that releases its handle through one of its own functions.
class PgHandle {
public:
  explicit PgHandle(const char *ConnInfo) : Conn(PQconnectdb(ConnInfo)) {}
  ~PgHandle() { close(); }
  void close() {
    if (Conn)
      PQfinish(Conn);
    Conn = nullptr;
  }
  PGconn *get() const { return Conn; }

private:
  PGconn *Conn; // OK: released through close()
};

// GoogleTest constructs a fixture per test: a unit of work.
class OrdersTest : public testing::Test {
protected:
  void insertOrder(int Id);
  pqxx::connection Conn{"dbname=test"}; // OK: lives for one test
};

