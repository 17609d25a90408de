// A connection class whose functions return a result class of the project's
// own is still a wrapper when that result class owns the library's result,
// by raw pointer or smart pointer with a deleter (osm2pgsql's pg_result_t):
// the library's data, not the application's. Where it is kept for an object's
// whole life, that is the finding.
// Here the wrapper's bodies are in another file, so its signatures decide.
// RUN: %check_session --checks=-*,session-member-storage %s -- %libpq_flags

#include <libpq-fe.h>
#include <memory>
#include <string>

class QueryResult {
public:
  explicit QueryResult(PGresult *Raw) : Raw(Raw) {}
  int rows() const { return PQntuples(Raw.get()); }

private:
  struct Clear {
    void operator()(PGresult *R) const { PQclear(R); }
  };
  std::unique_ptr<PGresult, Clear> Raw;
};

// Its bodies are in another file: its signatures are all this unit sees.
class PgLink {
public:
  explicit PgLink(const std::string &Info);
  QueryResult run(const char *Sql) const;
  QueryResult run(const std::string &Sql) const;

private:
  struct Finish {
    void operator()(PGconn *C) const noexcept { PQfinish(C); }
  };
  std::unique_ptr<PGconn, Finish> Conn; // OK: the wrapper's own session
};

// A plain value of the application: taking or returning it makes a service.
struct Tile {
  int X, Y, Zoom;
};

class TileIndex {
public:
  explicit TileIndex(PgLink &Link) : Link(&Link) {}
  void mark(const Tile &T);

private:
  PgLink *Link;
// CHECK-NOTES: :[[@LINE-1]]:11: warning: session 'Link' of type 'PgLink *' is stored in a member of 'TileIndex'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-16]]:35: note: 'PgLink' counts as a session: it owns 'std::unique_ptr<PGconn, Finish>' through its member 'Conn', and its member functions are all about that session
};
