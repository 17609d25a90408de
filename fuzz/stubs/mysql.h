// Stub MariaDB/MySQL C API for the analysis fuzzer.
#pragma once
extern "C" {
typedef struct st_mysql { int unused; } MYSQL;
typedef struct st_mysql_res MYSQL_RES;
typedef char my_bool;
MYSQL *mysql_init(MYSQL *mysql);
MYSQL *mysql_real_connect(MYSQL *mysql, const char *host, const char *user, const char *passwd, const char *db, unsigned int port, const char *unix_socket, unsigned long clientflag);
void mysql_close(MYSQL *sock);
int mysql_query(MYSQL *mysql, const char *q);
my_bool mysql_commit(MYSQL *mysql);
my_bool mysql_rollback(MYSQL *mysql);
my_bool mysql_autocommit(MYSQL *mysql, my_bool auto_mode);
const char *mysql_error(MYSQL *mysql);
MYSQL_RES *mysql_store_result(MYSQL *mysql);
void mysql_free_result(MYSQL_RES *result);
}
