// After a missing header clang instantiates no template, and a handler's
// `std::cout << e.getSQLState()` becomes an expression with errors, in
// which clang tried to convert the string to Connector/C++'s SQLString: a
// call the program does not make. Calls inside such an expression are not
// taken to throw. The constructor that lets the exception out is still
// reported.
// RUN: %check_session --checks=-*,session-unscoped-acquire %s -- -I%S/Inputs/broken

#include <cppconn/driver.h>
#include <cppconn/exception.h>
#include <iostream>
#include <missing_include.h>
// CHECK-MESSAGES: missing_include.h:4:10: error: 'no/such/header.h' file not found [clang-diagnostic-error]

class Ratings {
public:
  explicit Ratings(sql::Driver *Driver) {
    try {
      Conn = Driver->connect("tcp://127.0.0.1:3306", "app", "");
      Conn->setSchema("ratings");
    } catch (sql::SQLException &Error) {
      std::cout << "connect failed: " << Error.getSQLState() << std::endl;
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
