// A class's role is asked for only when something a value of it contains
// is named like a session: classes that point at each other (a plotting
// library on -I whose classes all know their plot) are settled once, and
// say nothing; a session reached only through such a cycle, a base, a
// template argument or a typedef is still found.
// RUN: %check_session --checks=-*,session-member-storage,session-static-storage --header-filter='.*plotlib.*' %s -- -I%S/Inputs/plotlib %libpq_flags

#include <libpq-fe.h>
#include <pqxx/pqxx>
#include <memory>
#include <string>
#include <vector>

#include "plot.h"

// A project's wrapper: it runs the SQL text its callers pass in.
class Ledger {
public:
  explicit Ledger(const std::string &Info) : Conn(Info) {}
  long count(const std::string &Query) {
    pqxx::nontransaction Tx(Conn);
    return Tx.exec1(Query)[0].as<long>();
  }

private:
  pqxx::connection Conn; // OK: the wrapper's own session
};

// Classes that point at each other, one of which keeps the wrapper.
class Chart;
class Series {
public:
  long points() { return Db.count("SELECT count(*) FROM points"); }
  Chart *owner() const { return Owner; }

private:
  Chart *Owner = nullptr;
  Ledger Db;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: session 'Db' of type 'Ledger' is stored in a member of 'Series'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-14]]:20: note: 'Ledger' counts as a session: it owns 'pqxx::connection' through its member 'Conn', and 'count' runs SQL text its callers pass in
// CHECK-NOTES: :[[@LINE-8]]:35: note: 'Series' is a service, not a session wrapper: 'points' runs SQL on its own table 'points'
};

class Chart {
public:
  Series *first() const { return All.front(); }

private:
  std::vector<Series *> All; // OK: a Series is a service, not a session
  Chart *Parent = nullptr;
  plotlib::Plot *Canvas = nullptr;
};

// The wrapper reached through a base, inside a cycle.
class Dashboard;
class Panel : public Ledger {
public:
  using Ledger::Ledger;
  Dashboard *board() const { return Board; }

private:
  Dashboard *Board = nullptr;
};

class Dashboard {
public:
  long total() { return Main->count("SELECT sum(n) FROM panels"); }

private:
  std::unique_ptr<Panel> Main;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: session 'Main' of type 'std::unique_ptr<Panel>' is stored in a member of 'Dashboard'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-46]]:20: note: 'Panel' counts as a session: it owns 'pqxx::connection' through its member 'Conn', and 'count' runs SQL text its callers pass in
// CHECK-NOTES: :[[@LINE-6]]:37: note: 'Dashboard' is a service, not a session wrapper: 'total' runs SQL on its own table 'panels'
  std::vector<Dashboard *> Children;
};

// A handle spelled with a typedef, as a template argument of the project's
// own template, inside a cycle.
using Handle = PGconn;
template <class T> struct Slot {
  std::shared_ptr<T> Value;
  Slot *Next = nullptr;
  T *get() const { return Value.get(); }
};

class Tenant;
class Directory {
public:
  Tenant *find(int Id);

private:
  std::vector<Tenant *> Tenants;
// CHECK-NOTES: :[[@LINE-1]]:25: warning: session 'Tenants' of type 'std::vector<Tenant *>' is stored in a member of 'Directory'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE+10]]:16: note: 'Tenant' counts as a session: it owns 'Slot<Handle>' through its member 'Link', and its member functions are all about that session
};

class Tenant {
public:
  int id() const { return Id; }

private:
  int Id = 0;
  Directory *Home = nullptr;
  Slot<Handle> Link;
};
