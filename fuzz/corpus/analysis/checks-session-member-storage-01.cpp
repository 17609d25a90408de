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

// A user type deriving from a session type is a session type.
class AuditedConnection : public pqxx::connection {
public:
  AuditedConnection() : pqxx::connection("dbname=app") {}
  void audit();
};
class ReportService {
  void monthly();
  AuditedConnection Conn;
};

// A thin wrapper owns one session and offers only session operations: its own
// member is fine, but a service that stores the wrapper stores a session.
class DbConnection {
public:
  explicit DbConnection(const std::string &ConnInfo)
      : Conn(std::make_unique<pqxx::connection>(ConnInfo)) {}
  pqxx::connection &get() { return *Conn; }
  void exec(const std::string &Sql);
  bool isOpen() const;

private:
  std::unique_ptr<pqxx::connection> Conn; // OK: the wrapper owns its session
};
class UserService {
public:
  void createUser(const std::string &Name);

private:
  DbConnection Db;
};

// Thin connection classes that hand out transactions: a method returning a
// transaction guard or a session is a session operation, whatever its name.
class PgConnection {
public:
  explicit PgConnection(const std::string &ConnInfo) : Conn(ConnInfo) {}
  void make_prepared_query(const std::string &Name, const std::string &Sql);
  std::unique_ptr<pqxx::work> getUniqueWorker();
  pqxx::nontransaction reader();

private:
  pqxx::connection Conn; // OK: a wrapper
};

