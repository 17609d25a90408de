// Real libpq headers (libpq-dev).
// RUN: %check_session %s -- %libpq_flags

#include <libpq-fe.h>
#include <memory>

class MetricsService {
public:
  MetricsService() : Conn(PQconnectdb("dbname=metrics")) {}
  ~MetricsService() { PQfinish(Conn); }
  void recordLatency(int Ms);

private:
  PGconn *Conn;
// CHECK-NOTES: :[[@LINE-1]]:11: warning: session 'Conn' of type 'PGconn *' is stored in a member of 'MetricsService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

PGconn *SharedConn = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:9: warning: session 'SharedConn' of type 'PGconn *' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]

// An RAII handle: the wrapper's own member is its job.
class PgHandle {
public:
  explicit PgHandle(const char *ConnInfo) : Conn(PQconnectdb(ConnInfo)) {}
  ~PgHandle() { PQfinish(Conn); }
  PGconn *get() const { return Conn; }
  bool isOk() const { return PQstatus(Conn) == CONNECTION_OK; }

private:
  PGconn *Conn;
};
void backgroundJob() {
  PgHandle Handle("dbname=app");
  std::unique_ptr<PGconn, decltype(&PQfinish)> Owned(PQconnectdb(""),
                                                     &PQfinish);
  PGresult *Result = PQexec(Handle.get(), "select 1");
  PQclear(Result);
}
void handleRequest(PGconn *Conn) { PQclear(PQexec(Conn, "select 1")); }

// Ownership on every path (session-unscoped-acquire).
int countRows(const char *ConnInfo) {
  PGconn *Conn = PQconnectdb(ConnInfo);
// CHECK-NOTES: :[[@LINE-1]]:18: warning: session 'Conn' acquired by 'PQconnectdb' is not released on every path out of 'countRows'; own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+2]]:5: note: leaked when this return is taken
  if (PQstatus(Conn) != CONNECTION_OK)
    return -1;
  PGresult *Result = PQexec(Conn, "select count(*) from rows");
  int Count = PQntuples(Result);
  PQclear(Result);
  PQfinish(Conn);
  return Count;
}
int countRowsSafely(const char *ConnInfo) {
  PGconn *Conn = PQconnectdb(ConnInfo);
  if (PQstatus(Conn) != CONNECTION_OK) {
    PQfinish(Conn);
    return -1;
  }
  PQclear(PQexec(Conn, "select 1"));
  PQfinish(Conn);
  return 0;
}
