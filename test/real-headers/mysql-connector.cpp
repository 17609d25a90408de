// Real MySQL Connector/C++ headers (libmysqlcppconn-dev).
// RUN: %check_session %s

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
// CHECK-NOTES: :[[@LINE-1]]:36: warning: session 'Conn' of type 'std::unique_ptr<sql::Connection>' is stored in a member of 'StockService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

class PriceCache {
public:
  void reload();

private:
  sql::Connection *Conn = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: session 'Conn' of type 'sql::Connection *' is stored in a member of 'PriceCache'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

thread_local std::unique_ptr<sql::Connection> PerThread;
// CHECK-NOTES: :[[@LINE-1]]:47: warning: session 'PerThread' of type 'std::unique_ptr<sql::Connection>' is a thread_local variable: every thread keeps its own session open until the thread ends; open it per unit of work in an RAII scope (set AllowThreadLocal to accept one session per thread) [session-static-storage]

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
// CHECK-NOTES: :[[@LINE-1]]:7: warning: session 'Conn' acquired by 'sql::Driver::connect' is not released on every path out of 'rawConnection'; own it with 'std::unique_ptr<sql::Connection>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+1]]:3: note: leaked if this call throws: a release later in the function does not run when an exception unwinds
  Conn->setSchema("app");
  delete Conn;
}
