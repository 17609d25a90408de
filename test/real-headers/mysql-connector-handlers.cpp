// Connector/C++ reports errors by exceptions; a constructor that catches
// them while it connects keeps its connection when the connection works.
// What the handler asks of the exception it caught (`e.what()`,
// `e.getErrorCode()`, `e.getSQLState()`) does not throw, so it opens no
// path on which the constructor throws. A constructor that lets the
// exception out is still reported.
// RUN: %check_session --checks=-*,session-unscoped-acquire %s

#include <cppconn/driver.h>
#include <cppconn/exception.h>
#include <iostream>

class Ratings {
public:
  explicit Ratings(sql::Driver *Driver) {
    try {
      Conn = Driver->connect("tcp://127.0.0.1:3306", "app", "");
      Conn->setSchema("ratings");
    } catch (sql::SQLException &Error) {
      std::cerr << "connect failed: " << Error.what() << " ("
                << Error.getErrorCode() << ", " << Error.getSQLState()
                << ")\n";
    }
  }
  ~Ratings() { delete Conn; }

private:
  sql::Connection *Conn = nullptr;
};

class Courses {
public:
  explicit Courses(sql::Driver *Driver) {
    Conn = Driver->connect("tcp://127.0.0.1:3306", "app", "");
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: session 'Conn' acquired by 'sql::Driver::connect' is not released when the constructor of 'Courses' throws, and the destructor does not run for an object whose constructor throws; own it with 'std::unique_ptr<sql::Connection>' [session-unscoped-acquire]
    Conn->setSchema("courses");
// CHECK-MESSAGES: :[[@LINE-1]]:5: note: leaked if this call throws: a release later in the function does not run when an exception unwinds
  }
  ~Courses() { delete Conn; }

private:
  sql::Connection *Conn = nullptr;
};
