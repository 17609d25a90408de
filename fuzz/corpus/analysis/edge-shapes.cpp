// Hand-written seed: shapes the tests rarely combine (templates over
// sessions, CRTP, unions, arrays of handles, goto, switch, nested try).
#include <libpq-fe.h>
#include <memory>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <vector>

template <class Db> struct Holder { Db Conn; Holder<Db> *Next; };
template <class Derived> struct Base { pqxx::connection *Shared; };
struct Crtp : Base<Crtp> { Holder<PGconn *> H; };
union Raw { PGconn *Conn; sqlite3 *Db; int Fd; };
struct Bits { unsigned Open : 1; PGconn *Handles[4]; };
template <class... Ts> struct Many : Holder<std::unique_ptr<Ts>>... {};
Many<pqxx::connection, PGconn> Everything;
static thread_local Holder<pqxx::connection> PerThread{
    pqxx::connection{"dbname=app"}, nullptr};

int loop(int N) {
  PGconn *C = nullptr;
again:
  C = PQconnectdb("dbname=app");
  switch (N) {
  case 0:
    PQfinish(C);
    return 0;
  case 1:
    if (--N)
      goto again;
    [[fallthrough]];
  default:
    break;
  }
  try {
    try {
      throw 1;
    } catch (int) {
      PQfinish(C);
      throw;
    }
  } catch (...) {
  }
  auto [A, B] = std::pair<PGconn *, int>{PQconnectdb(""), 2};
  void (*Release)(PGconn *) = PQfinish;
  Release(A);
  return B;
}

template <class T> T *make() { return new T("dbname=app"); }
pqxx::connection *leak() { auto *P = make<pqxx::connection>(); return P; }

class [[clang::annotate("session-lint::scope")]] Job {
  pqxx::connection Conn{"dbname=job"};
  decltype(PQconnectdb("")) Raw = nullptr;
  std::vector<Holder<sqlite3 *>> Dbs;
};
