//===--- Catalog.cpp - The built-in table of database client libraries ----===//

#include "model/Catalog.h"

namespace clang::tidy::session {
namespace {

using llvm::StringRef;

// libpqxx 6.x spells `connection` as an alias of `basic_connection_base<>`
// deriving from `connection_base`; 7.x makes `connection` a class.
const StringRef PqxxSessions[] = {"pqxx::connection", "pqxx::lazyconnection",
                                  "pqxx::connection_base",
                                  "pqxx::basic_connection_base",
                                  "pqxx::basic_connection"};
const StringRef PqxxGuards[] = {"pqxx::work", "pqxx::transaction",
                                "pqxx::nontransaction", "pqxx::subtransaction",
                                "pqxx::robusttransaction",
                                "pqxx::dbtransaction"};

const StringRef SociSessions[] = {"soci::session"};
const StringRef SociGuards[] = {"soci::transaction"};
const StringRef SociPools[] = {"soci::connection_pool"};
const StringRef SociBegin[] = {"soci::session::begin"};

const StringRef PocoSessions[] = {"Poco::Data::Session"};
const StringRef PocoGuards[] = {"Poco::Data::Transaction"};
const StringRef PocoPools[] = {"Poco::Data::SessionPool"};
const StringRef PocoBegin[] = {"Poco::Data::Session::begin"};

const StringRef QtSessions[] = {"QSqlDatabase"};
const AcquireReleasePair QtPairs[] = {
    {"QSqlDatabase::addDatabase", "QSqlDatabase::removeDatabase"}};
const StringRef QtBegin[] = {"QSqlDatabase::transaction"};

const StringRef ConnectorSessions[] = {"sql::Connection"};
const AcquireReleasePair ConnectorPairs[] = {
    {"sql::Driver::connect", "sql::Connection::close"}};
const StringRef ConnectorBegin[] = {"sql::Connection::setAutoCommit"};

const StringRef SQLiteCppSessions[] = {"SQLite::Database"};
const StringRef SQLiteCppGuards[] = {"SQLite::Transaction"};

const StringRef LibpqSessions[] = {"PGconn", "pg_conn"};
const AcquireReleasePair LibpqPairs[] = {{"PQconnectdb", "PQfinish"},
                                         {"PQconnectdbParams", "PQfinish"},
                                         {"PQsetdbLogin", "PQfinish"},
                                         {"PQconnectStart", "PQfinish"},
                                         {"PQconnectStartParams", "PQfinish"}};

const StringRef SQLiteSessions[] = {"sqlite3"};
const AcquireReleasePair SQLitePairs[] = {{"sqlite3_open", "sqlite3_close"},
                                          {"sqlite3_open_v2", "sqlite3_close"},
                                          {"sqlite3_open16", "sqlite3_close"},
                                          {"sqlite3_open", "sqlite3_close_v2"},
                                          {"sqlite3_open_v2", "sqlite3_close_v2"},
                                          {"sqlite3_open16", "sqlite3_close_v2"}};

const StringRef MariaDBSessions[] = {"MYSQL", "st_mysql"};
const AcquireReleasePair MariaDBPairs[] = {{"mysql_init", "mysql_close"},
                                           {"mysql_real_connect", "mysql_close"}};

const StringRef ODBCSessions[] = {"SQLHDBC"};
const AcquireReleasePair ODBCPairs[] = {{"SQLAllocHandle", "SQLFreeHandle"}};

const StringRef HiredisSessions[] = {"redisContext", "redisAsyncContext"};
const AcquireReleasePair HiredisPairs[] = {
    {"redisConnect", "redisFree"},
    {"redisConnectWithTimeout", "redisFree"},
    {"redisConnectNonBlock", "redisFree"},
    {"redisConnectUnix", "redisFree"},
    {"redisConnectUnixWithTimeout", "redisFree"},
    {"redisConnectWithOptions", "redisFree"},
    {"redisAsyncConnect", "redisAsyncFree"}};

const StringRef CppdbSessions[] = {"cppdb::session"};
const StringRef CppdbGuards[] = {"cppdb::transaction"};
const StringRef CppdbPools[] = {"cppdb::pool"};
const StringRef CppdbBegin[] = {"cppdb::session::begin"};

// Where each library's own code lives (see LibraryEntry::HomeHeaders).
const StringRef PqxxNs[] = {"pqxx"};
const StringRef PqxxHeaders[] = {"/pqxx/"};
const StringRef SociNs[] = {"soci"};
const StringRef SociHeaders[] = {"/soci/"};
const StringRef PocoNs[] = {"Poco::Data"};
const StringRef PocoHeaders[] = {"/Poco/Data/"};
const StringRef QtHeaders[] = {"/QtSql/"};
const StringRef ConnectorHeaders[] = {"/cppconn/", "mysql_connection.h",
                                      "mysql_driver.h"};
const StringRef SQLiteCppNs[] = {"SQLite"};
const StringRef SQLiteCppHeaders[] = {"/SQLiteCpp/"};
// Only names a project would not give its own files: a user's `sql.h` or
// `src/mysql/` stays the user's.
const StringRef LibpqHeaders[] = {"libpq-fe.h", "libpq-int.h"};
const StringRef SQLiteHeaders[] = {"sqlite3.h", "sqlite3ext.h"};
const StringRef MariaDBHeaders[] = {"/mariadb/", "mysql.h", "mariadb_com.h",
                                    "mariadb_stmt.h", "mysql_com.h"};
const StringRef ODBCHeaders[] = {"sqlext.h", "sqltypes.h", "sqlucode.h",
                                 "/unixODBC/"};
const StringRef HiredisHeaders[] = {"/hiredis/", "hiredis.h"};
const StringRef CppdbNs[] = {"cppdb"};
const StringRef CppdbHeaders[] = {"/cppdb/"};

const LibraryEntry Catalog[] = {
    {"libpqxx", "libpqxx", PqxxSessions, PqxxGuards, {}, {}, {},
     "a local 'pqxx::connection'", PqxxNs, PqxxHeaders},
    {"soci", "SOCI", SociSessions, SociGuards, SociPools, {}, SociBegin,
     "a local 'soci::session' (from a 'soci::connection_pool')", SociNs,
     SociHeaders},
    {"poco", "POCO Data", PocoSessions, PocoGuards, PocoPools, {}, PocoBegin,
     "a local 'Poco::Data::Session' (from a 'Poco::Data::SessionPool')", PocoNs,
     PocoHeaders},
    {"qt", "Qt SQL", QtSessions, {}, {}, QtPairs, QtBegin,
     "a local 'QSqlDatabase' handle of a per-thread connection", {}, QtHeaders},
    {"mysql-connector-cpp", "MySQL Connector/C++", ConnectorSessions, {}, {},
     ConnectorPairs, ConnectorBegin, "'std::unique_ptr<sql::Connection>'", {},
     ConnectorHeaders},
    {"sqlitecpp", "SQLiteCpp", SQLiteCppSessions, SQLiteCppGuards, {}, {}, {},
     "a local 'SQLite::Database'", SQLiteCppNs, SQLiteCppHeaders},
    {"libpq", "libpq", LibpqSessions, {}, {}, LibpqPairs, {},
     "'std::unique_ptr<PGconn, decltype(&PQfinish)>'", {}, LibpqHeaders},
    {"sqlite3", "SQLite C API", SQLiteSessions, {}, {}, SQLitePairs, {},
     "'std::unique_ptr<sqlite3, decltype(&sqlite3_close)>'", {}, SQLiteHeaders},
    {"mariadb", "MariaDB/MySQL C API", MariaDBSessions, {}, {}, MariaDBPairs,
     {}, "'std::unique_ptr<MYSQL, decltype(&mysql_close)>'", {}, MariaDBHeaders},
    {"odbc", "ODBC", ODBCSessions, {}, {}, ODBCPairs, {},
     "an RAII class that calls SQLDisconnect and SQLFreeHandle", {}, ODBCHeaders},
    {"hiredis", "hiredis", HiredisSessions, {}, {}, HiredisPairs, {},
     "'std::unique_ptr<redisContext, decltype(&redisFree)>'", {}, HiredisHeaders},
    {"cppdb", "cppdb", CppdbSessions, CppdbGuards, CppdbPools, {}, CppdbBegin,
     "a local 'cppdb::session' (from a 'cppdb::pool')", CppdbNs, CppdbHeaders},
};

// GoogleTest constructs a fixture per test; TestWithParam derives from Test.
const StringRef FrameworkScopes[] = {"testing::Test"};

} // namespace

llvm::ArrayRef<LibraryEntry> catalog() { return Catalog; }

llvm::ArrayRef<StringRef> frameworkScopeClasses() { return FrameworkScopes; }

const LibraryEntry *findLibrary(llvm::StringRef Name) {
  for (const LibraryEntry &Entry : Catalog)
    if (Entry.Name == Name)
      return &Entry;
  return nullptr;
}

} // namespace clang::tidy::session
