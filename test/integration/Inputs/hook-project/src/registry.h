#pragma once
#include <pqxx/pqxx>

inline pqxx::connection &registryConnection() {
  static pqxx::connection Conn{"dbname=registry"};
  return Conn;
}
