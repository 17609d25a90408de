#include <cppconn/connection.h>
#include <cppconn/driver.h>
#include <memory>
class StockService {
public:
  explicit StockService(sql::Driver *Driver)
      : Conn(Driver->connect("tcp://127.0.0.1:3306", "app", "secret")) {}
  int available(int ItemId);

private:
  std::unique_ptr<sql::Connection> Conn;
};
class PriceCache {
public:
  void reload();

private:
  sql::Connection *Conn = nullptr;
};
thread_local std::unique_ptr<sql::Connection> PerThread;

void handleRequest(sql::Connection &Conn) { Conn.commit(); }
void backgroundJob(sql::Driver *Driver) {
  std::unique_ptr<sql::Connection> Conn(
      Driver->connect("tcp://127.0.0.1:3306", "app", "secret"));
  Conn->setSchema("app");
}

// session-unscoped-acquire: Connector/C++ throws sql::SQLException.
void rawConnection(sql::Driver *Driver) {
  sql::Connection *Conn =
      Driver->connect("tcp://127.0.0.1:3306", "app", "secret");
  Conn->setSchema("app");
  delete Conn;
}

