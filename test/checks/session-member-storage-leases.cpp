// A lease borrows a session from a pool for one scope and gives it back in
// its destructor. What it borrows may be a wrapper of the project's own, and
// all it offers may be its constructor (an out-parameter) and destructor:
// it is still a lease, not a class keeping a session. A class that borrows
// a session for its whole life and runs its own SQL on it is a service,
// whatever its destructor gives back.
// RUN: %check_session --checks=-*,session-member-storage %s -- %libpq_flags

#include <libpq-fe.h>
#include <deque>
#include <string>

class Connection {
public:
  explicit Connection(const char *Info) : Raw(PQconnectdb(Info)) {}
  ~Connection() { PQfinish(Raw); }
  bool execute(const std::string &Statement) {
    PGresult *Result = PQexec(Raw, Statement.c_str());
    bool Ok = PQresultStatus(Result) == PGRES_COMMAND_OK;
    PQclear(Result);
    return Ok;
  }

private:
  PGconn *Raw; // OK: the wrapper's own session
};

class ConnectionPool {
public:
  Connection *take() {
    Connection *Taken = Idle.front();
    Idle.pop_front();
    return Taken;
  }
  void put(Connection *Returned) { Idle.push_back(Returned); }

private:
  std::deque<Connection *> Idle; // OK: a pool's own
};

// Only a constructor and a destructor.
class Borrowed {
public:
  Borrowed(Connection **Out, ConnectionPool &From)
      : Held(From.take()), Owner(&From) {
    *Out = Held;
  }
  ~Borrowed() { Owner->put(Held); }

private:
  Connection *Held; // OK: a lease
  ConnectionPool *Owner;
};

bool archive(ConnectionPool &Pool, const std::string &Statement) {
  Connection *Conn = nullptr;
  Borrowed Scope(&Conn, Pool);
  return Conn->execute(Statement);
}

// Borrows for as long as it lives and runs SQL on its own table.
class InvoiceStore {
public:
  explicit InvoiceStore(ConnectionPool &From)
      : Conn(From.take()), Owner(&From) {}
  ~InvoiceStore() { Owner->put(Conn); }
  bool settle(int Id) {
    return Conn->execute("UPDATE invoices SET paid = true WHERE id = " +
                         std::to_string(Id));
  }

private:
  Connection *Conn;
// CHECK-NOTES: :[[@LINE-1]]:15: warning: session 'Conn' of type 'Connection *' is stored in a member of 'InvoiceStore'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-50]]:11: note: 'Connection' counts as a session: it owns 'PGconn *' through its member 'Raw', and 'execute' runs SQL text its callers pass in
// CHECK-NOTES: :[[@LINE-8]]:26: note: 'InvoiceStore' is a service, not a session wrapper: 'settle' runs SQL on its own table 'invoices'
  ConnectionPool *Owner;
};

// A lease is a session: keeping one for an object's whole life is the
// finding, and the note names the destructor that makes it a lease.
class ArchiveJob {
public:
  explicit ArchiveJob(Borrowed *Scope) : Scope(Scope) {}

private:
  Borrowed *Scope;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: session 'Scope' of type 'Borrowed *' is stored in a member of 'ArchiveJob'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-38]]:15: note: 'Borrowed' counts as a session: it owns 'Connection *' through its member 'Held', and '~Borrowed' gives it back to a pool: a lease
};
