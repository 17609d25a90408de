// A function of the project that returns the handle it is given, or null
// when its statement failed, hands the handle back: the caller still owns
// it, and a path that drops it leaks. What the caller does with the call's
// value is what it does with the handle.
// RUN: %check_session --checks=-*,session-unscoped-acquire %s -- -std=c++17 -I/usr/include/mariadb

#include <mysql.h>

MYSQL *query(MYSQL *Conn, const char *Sql) {
  if (mysql_query(Conn, Sql) != 0)
    return nullptr;
  return Conn;
}

int countRows(const char *Host) {
  MYSQL *Conn = mysql_init(nullptr);
  if (!mysql_real_connect(Conn, Host, "app", "", "shop", 0, nullptr, 0)) {
    mysql_close(Conn);
    return -1;
  }
  MYSQL_RES *Rows = mysql_store_result(query(Conn, "SELECT id FROM carts"));
  if (!Rows)
    return -1;
// CHECK-MESSAGES: :[[@LINE-8]]:17: warning: session 'Conn' acquired by 'mysql_init' is not released on every path out of 'countRows'; own it with 'std::unique_ptr<MYSQL, decltype(&mysql_close)>' [session-unscoped-acquire]
// CHECK-MESSAGES: :[[@LINE-2]]:5: note: leaked when this return is taken
  int Count = static_cast<int>(mysql_num_rows(Rows));
  mysql_free_result(Rows);
  mysql_close(Conn);
  return Count;
}

// The caller gets the handle back through the helper: nothing leaks here.
MYSQL *connectAndPrepare(const char *Host) {
  MYSQL *Conn = mysql_init(nullptr);
  if (!mysql_real_connect(Conn, Host, "app", "", "shop", 0, nullptr, 0)) {
    mysql_close(Conn);
    return nullptr;
  }
  return query(Conn, "SET NAMES utf8mb4");
}
