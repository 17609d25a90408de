// Tests session-unscoped-acquire on the paths real code takes: constructors
// that throw after acquiring into a member, acquisitions nested in a call,
// result codes tested before the handle is used, handles opened into a
// container's element, a `new` session written into an out-parameter, and
// the may-throw policy for C handles. Each shape has its silent twin.
// RUN: %check_session --checks=-*,session-unscoped-acquire %s -- %libpq_flags %mariadb_flags

#include <libpq-fe.h>
#include <memory>
#include <mysql.h>
#include <pqxx/pqxx>
#include <sql.h>
#include <sqlext.h>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <vector>

// --- Constructors that throw: the destructor never runs -----------------

class ReplicaConn {
public:
  explicit ReplicaConn(const char *Info) : Handle(PQconnectdb(Info)) {
// CHECK-NOTES: :[[@LINE-1]]:51: warning: session 'Handle' acquired by 'PQconnectdb' is not released when the constructor of 'ReplicaConn' throws, and the destructor does not run for an object whose constructor throws; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+2]]:7: note: leaked when this exception is thrown
    if (PQstatus(Handle) != CONNECTION_OK)
      throw std::runtime_error(PQerrorMessage(Handle));
  }
  ~ReplicaConn() { PQfinish(Handle); }

private:
  PGconn *Handle;
};

class StatsStore {
public:
  explicit StatsStore(const std::string &Path) {
    if (sqlite3_open(Path.c_str(), &Db) != SQLITE_OK)
// CHECK-NOTES: :[[@LINE-1]]:9: warning: session 'Db' acquired by 'sqlite3_open' is not released when the constructor of 'StatsStore' throws, and the destructor does not run for an object whose constructor throws; own it with 'std::unique_ptr<sqlite3, decltype(&sqlite3_close)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+1]]:7: note: leaked when this exception is thrown
      throw std::runtime_error("stats: cannot open");
  }
  ~StatsStore() { sqlite3_close(Db); }

private:
  sqlite3 *Db = nullptr;
};

class QueueLink {
public:
  QueueLink(const char *Host, unsigned Port) {
    Link = mysql_init(nullptr);
// CHECK-NOTES: :[[@LINE-1]]:12: warning: session 'Link' acquired by 'mysql_init' is not released when the constructor of 'QueueLink' throws, and the destructor does not run for an object whose constructor throws; own it with 'std::unique_ptr<MYSQL, decltype(&mysql_close)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+4]]:7: note: leaked when this exception is thrown
    if (!Link)
      throw std::bad_alloc();
    if (!mysql_real_connect(Link, Host, "q", "pw", "q", Port, nullptr, 0))
      throw std::runtime_error("queue: cannot connect");
  }
  ~QueueLink() { mysql_close(Link); }

private:
  MYSQL *Link;
};

// Silent: released before the throw; owned by a unique_ptr; a null handle
// only; the base class's member (its destructor does run).
class CarefulConn {
public:
  explicit CarefulConn(const char *Info) : Handle(PQconnectdb(Info)) {
    if (PQstatus(Handle) != CONNECTION_OK) {
      std::string Why = PQerrorMessage(Handle);
      PQfinish(Handle);
      throw std::runtime_error(Why);
    }
  }
  ~CarefulConn() { PQfinish(Handle); }

private:
  PGconn *Handle;
};

class OwnedConn {
public:
  explicit OwnedConn(const char *Info) : Handle(PQconnectdb(Info), &PQfinish) {
    if (PQstatus(Handle.get()) != CONNECTION_OK)
      throw std::runtime_error("owned: cannot connect");
  }

private:
  std::unique_ptr<PGconn, decltype(&PQfinish)> Handle;
};

class NullOnlyLink {
public:
  NullOnlyLink() : Link(mysql_init(nullptr)) {
    if (Link == nullptr)
      throw std::bad_alloc();
  }
  ~NullOnlyLink() { mysql_close(Link); }

private:
  MYSQL *Link;
};

// A member function that may close the handle is not followed.
class ResettingConn {
public:
  explicit ResettingConn(const char *Info) : Handle(PQconnectdb(Info)) {
    if (PQstatus(Handle) != CONNECTION_OK) {
      drop();
      throw std::runtime_error("resetting: cannot connect");
    }
  }
  ~ResettingConn() { drop(); }

private:
  void drop() { PQfinish(Handle); }
  PGconn *Handle;
};

// --- Nested in a call that returns it only on success ------------------

int countRows(const char *Host) {
  MYSQL *Conn =
      mysql_real_connect(mysql_init(nullptr), Host, "u", "pw", "db", 0, nullptr, 0);
// CHECK-NOTES: :[[@LINE-1]]:26: warning: session acquired by 'mysql_init' is lost when 'mysql_real_connect' fails, which returns null without releasing it; own it with 'std::unique_ptr<MYSQL, decltype(&mysql_close)>' [session-unscoped-acquire]
  if (!Conn)
    return -1;
  int Rows = mysql_query(Conn, "SELECT 1");
  mysql_close(Conn);
  return Rows;
}

// Silent: the handle is kept and closed on the failure path.
int countRowsKept(const char *Host) {
  MYSQL *Init = mysql_init(nullptr);
  if (!mysql_real_connect(Init, Host, "u", "pw", "db", 0, nullptr, 0)) {
    mysql_close(Init);
    return -1;
  }
  int Rows = mysql_query(Init, "SELECT 1");
  mysql_close(Init);
  return Rows;
}

// --- A result code that says whether there is a handle -----------------

int probeDsn(SQLHENV Env, SQLCHAR *Dsn) {
  SQLHDBC Dbc = SQL_NULL_HDBC;
  if (SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc) == SQL_ERROR)
// CHECK-NOTES: :[[@LINE-1]]:7: warning: session 'Dbc' acquired by 'SQLAllocHandle' is not released on every path out of 'probeDsn'; own it with an RAII class that calls SQLDisconnect and SQLFreeHandle [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+3]]:5: note: leaked when this return is taken
    return 1;
  if (SQLConnect(Dbc, Dsn, SQL_NTS, nullptr, 0, nullptr, 0) == SQL_ERROR)
    return 2;
  SQLDisconnect(Dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
  return 0;
}

int probeDsnKeptCode(SQLHENV Env, SQLCHAR *Dsn) {
  SQLHDBC Dbc = SQL_NULL_HDBC;
  const SQLRETURN Allocated = SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc);
// CHECK-NOTES: :[[@LINE-1]]:31: warning: session 'Dbc' acquired by 'SQLAllocHandle' is not released on every path out of 'probeDsnKeptCode'; own it with an RAII class that calls SQLDisconnect and SQLFreeHandle [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+4]]:5: note: leaked when this return is taken
  if (Allocated == SQL_ERROR)
    return 1;
  if (SQLConnect(Dbc, Dsn, SQL_NTS, nullptr, 0, nullptr, 0) == SQL_ERROR)
    return 2;
  SQLDisconnect(Dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
  return 0;
}

// Silent: the failure return has no handle, the others release it.
int probeDsnClean(SQLHENV Env, SQLCHAR *Dsn) {
  SQLHDBC Dbc = SQL_NULL_HDBC;
  if (SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc) != SQL_SUCCESS)
    return 1;
  SQLRETURN Rc = SQLConnect(Dbc, Dsn, SQL_NTS, nullptr, 0, nullptr, 0);
  if (Rc == SQL_ERROR) {
    SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
    return 2;
  }
  SQLDisconnect(Dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
  return 0;
}

// Silent: a test the analysis does not read (a macro) is not followed.
int probeDsnMacro(SQLHENV Env, SQLCHAR *Dsn) {
  SQLHDBC Dbc = SQL_NULL_HDBC;
  if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, Env, &Dbc)))
    return 1;
  SQLDisconnect(Dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, Dbc);
  return 0;
}

// --- Opened into a container's element: the container keeps it ---------

class ArchiveShards {
public:
  explicit ArchiveShards(const std::vector<std::string> &Files)
      : Files(Files), Shards(Files.size(), nullptr) {
    unsigned I = 0;
    for (sqlite3 *&Shard : Shards)
      sqlite3_open(this->Files[I++].c_str(), &Shard);
  }
  ~ArchiveShards() {
    for (sqlite3 *Shard : Shards)
      sqlite3_close(Shard);
  }
  void refresh(unsigned I) {
    sqlite3 *&Slot = Shards[I];
    sqlite3_close(Slot);
    sqlite3_open(Files[I].c_str(), &Slot);
  }

private:
  std::vector<std::string> Files;
  std::vector<sqlite3 *> Shards;
};

// --- A new session written into an out-parameter -------------------------

bool openAudit(const char *Info, pqxx::connection *&Out) {
  try {
    Out = new pqxx::connection(Info);
// CHECK-NOTES: :[[@LINE-1]]:11: warning: session 'Out' acquired by 'new' is not released on every path out of 'openAudit'; own it with 'std::unique_ptr<pqxx::connection>' or a local 'pqxx::connection' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+6]]:3: note: leaked when this return is taken, which tells the caller there is nothing to take
    pqxx::nontransaction Probe(*Out);
    Probe.exec("SELECT 1");
    return true;
  } catch (const std::exception &) {
  }
  return false;
}

// Silent: the handler deletes it before reporting failure.
bool openAuditClean(const char *Info, pqxx::connection *&Out) {
  try {
    Out = new pqxx::connection(Info);
    pqxx::nontransaction Probe(*Out);
    Probe.exec("SELECT 1");
    return true;
  } catch (const std::exception &) {
    delete Out;
    Out = nullptr;
  }
  return false;
}

// --- When may a call throw, for a C handle? -----------------------------

std::string describeTarget(); // defined in another file
static std::string checkedTarget(const std::string &Name) {
  if (Name.empty())
    throw std::invalid_argument("no target");
  return Name;
}
void recordFailure(const char *What); // defined in another file

// Silent: a project function with no body here does not make a leak.
void logsBeforeClosing() {
  PGconn *Conn = PQconnectdb("dbname=app");
  if (PQstatus(Conn) != CONNECTION_OK) {
    recordFailure(describeTarget().c_str());
    PQfinish(Conn);
    return;
  }
  PQfinish(Conn);
}

// A visible body that throws does.
void checksBeforeClosing(const std::string &Name) {
  PGconn *Conn = PQconnectdb("dbname=app");
// CHECK-NOTES: :[[@LINE-1]]:18: warning: session 'Conn' acquired by 'PQconnectdb' is not released on every path out of 'checksBeforeClosing'; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+2]]:19: note: leaked if this call throws: a release later in the function does not run when an exception unwinds
  if (PQstatus(Conn) != CONNECTION_OK) {
    recordFailure(checkedTarget(Name).c_str());
    PQfinish(Conn);
    return;
  }
  PQfinish(Conn);
}

// A C++ session object held raw keeps the stricter rule: a project function
// with no body here may throw.
void rawSessionAndUnknownCall() {
  auto *Conn = new pqxx::connection("dbname=app");
// CHECK-NOTES: :[[@LINE-1]]:16: warning: session 'Conn' acquired by 'new' is not released on every path out of 'rawSessionAndUnknownCall'; own it with 'std::unique_ptr<pqxx::connection>' or a local 'pqxx::connection' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+1]]:3: note: leaked if this call throws: a release later in the function does not run when an exception unwinds
  recordFailure("opened");
  delete Conn;
}
