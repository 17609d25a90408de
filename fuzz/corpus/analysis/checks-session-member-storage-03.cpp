#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>
#include <vendor_client.h>
// The seed's BadService: the session is created in the constructor and kept.
class BadService {
public:
  BadService() : db_("dbname=app") {}
  int countUsers();

private:
  pqxx::connection db_;
};

// A pool's nested slots are the pool's own; the lease it hands out is a
// session type.
class LeasingPool {
public:
  class Lease {
  public:
    ~Lease();
    pqxx::connection &get();

  private:
    LeasingPool *Pool;
    pqxx::connection *Conn;
  };
  Lease acquire();
  void giveBack(pqxx::connection *Conn);

private:
  struct Slot {
    pqxx::connection *Conn; // OK: part of the pool
    bool Busy = false;
    void markUsed();
  };
  std::vector<Slot> Slots;
};
LeasingPool::Lease::~Lease() { Pool->giveBack(Conn); }
class CheckoutService {
public:
  void checkout(int CartId);

private:
  LeasingPool::Lease Held;
};

// A lease handed out by a pool: a raw handle its destructor gives back.
class ConnectionPool;
class Lease {
public:
  Lease(ConnectionPool &Pool, pqxx::connection *Conn) : Pool(Pool), Conn(Conn) {}
  ~Lease();
  pqxx::connection &operator*() const { return *Conn; }

private:
  ConnectionPool &Pool;
  pqxx::connection *Conn; // OK: released in the destructor
};

// A pool, by its shape: it holds many sessions and hands them out.
class ConnectionPool {
public:
  Lease acquire();
  void release(pqxx::connection *Conn);

private:
  std::vector<std::unique_ptr<pqxx::connection>> Idle; // OK: a pool
};
Lease::~Lease() { Pool.release(Conn); }

