// Stub MySQL Connector/C++ for the analysis fuzzer.
#pragma once
#include <string>
namespace sql {
class SQLException {
public:
  const char *what() const noexcept;
};
class Statement {
public:
  virtual ~Statement();
  virtual bool execute(const std::string &Sql) = 0;
};
class Savepoint {};
class Connection {
public:
  virtual ~Connection();
  virtual void close() = 0;
  virtual bool isClosed() = 0;
  virtual Statement *createStatement() = 0;
  virtual void setAutoCommit(bool AutoCommit) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual void rollback(Savepoint *S) = 0;
  virtual Savepoint *setSavepoint(const std::string &Name) = 0;
  virtual void setSchema(const std::string &Schema) = 0;
};
class Driver {
public:
  virtual ~Driver();
  virtual Connection *connect(const std::string &Host, const std::string &User, const std::string &Password) = 0;
};
} // namespace sql
namespace sql::mysql {
class MySQL_Driver : public sql::Driver {
public:
  Connection *connect(const std::string &Host, const std::string &User, const std::string &Password) override;
};
MySQL_Driver *get_mysql_driver_instance();
} // namespace sql::mysql
