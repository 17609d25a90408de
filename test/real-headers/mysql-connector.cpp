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

// Reading the caught exception does not throw: a handler that logs
// getErrorCode() and getSQLState() leaks nothing. A local released after the
// try is still at stake, so the handler's calls are what is judged here.
#include <cppconn/exception.h>
#include <iostream>
void connectAndLog(sql::Driver *Driver) {
  sql::Connection *Conn =
      Driver->connect("tcp://127.0.0.1:3306", "app", "secret");
  try {
    Conn->setSchema("app");
  } catch (sql::SQLException &E) {
    std::cerr << E.getErrorCode() << ' ' << E.getSQLState() << ' ' << E.what();
  }
  delete Conn;
}

// A handler that calls into the library again may still throw out of it.
void connectAndRetry(sql::Driver *Driver) {
  sql::Connection *Conn =
      Driver->connect("tcp://127.0.0.1:3306", "app", "secret");
// CHECK-NOTES: :[[@LINE-1]]:7: warning: session 'Conn' acquired by 'sql::Driver::connect' is not released on every path out of 'connectAndRetry'; own it with 'std::unique_ptr<sql::Connection>' [session-unscoped-acquire]
  try {
    Conn->setSchema("app");
  } catch (sql::SQLException &E) {
// CHECK-NOTES: :[[@LINE+1]]:5: note: leaked if this call throws: a release later in the function does not run when an exception unwinds
    Conn->setSchema("fallback");
  }
  delete Conn;
}
