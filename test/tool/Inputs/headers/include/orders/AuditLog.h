#pragma once
#include <pqxx/pqxx>

namespace orders {

// One connection shared by the whole process, in a header-only accessor.
inline pqxx::connection &auditConnection() {
  static pqxx::connection Conn{"dbname=audit"};
  return Conn;
}

} // namespace orders
