#include <libpq-fe.h>
#include <memory>
class MetricsService {
public:
  MetricsService() : Conn(PQconnectdb("dbname=metrics")) {}
  ~MetricsService() { PQfinish(Conn); }
  void recordLatency(int Ms);

private:
  PGconn *Conn;
};
PGconn *SharedConn = nullptr;

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

