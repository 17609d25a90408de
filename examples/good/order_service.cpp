// The order service after the fix: no session outlives its unit of work.
#include <pqxx/pqxx>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace shop {

// A small pool: it holds the sessions and hands out leases. Keeping it
// long-lived is its job; its capacity is what the connection budget counts.
class ConnectionPool {
public:
  ConnectionPool(std::string conninfo, std::size_t capacity)
      : conninfo_(std::move(conninfo)), capacity_(capacity) {}

  std::unique_ptr<pqxx::connection> acquire() {
    std::unique_lock<std::mutex> lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_ < capacity_; });
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return conn;
    }
    ++open_;
    return std::make_unique<pqxx::connection>(conninfo_);
  }

  void release(std::unique_ptr<pqxx::connection> conn) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(conn));
    available_.notify_one();
  }

private:
  std::string conninfo_;
  std::size_t capacity_;
  std::size_t open_ = 0;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
};

// RAII lease: the session goes back to the pool on every path out of the
// scope, exceptions included.
class PooledSession {
public:
  explicit PooledSession(ConnectionPool &pool)
      : pool_(pool), conn_(pool.acquire()) {}
  ~PooledSession() { pool_.release(std::move(conn_)); }
  PooledSession(const PooledSession &) = delete;
  PooledSession &operator=(const PooledSession &) = delete;

  pqxx::connection &get() { return *conn_; }

private:
  ConnectionPool &pool_;
  std::unique_ptr<pqxx::connection> conn_;
};

// A service keeps the pool, and opens a session per operation.
class OrderService {
public:
  explicit OrderService(ConnectionPool &pool) : pool_(pool) {}

  int countOrders(const std::string &customer) {
    PooledSession session(pool_);
    pqxx::work tx(session.get());
    pqxx::row r = tx.exec1("select count(*) from orders where customer = " +
                           tx.quote(customer));
    tx.commit();
    return r[0].as<int>();
  }

private:
  ConnectionPool &pool_;
};

// A request handler receives the session from its caller (dependency
// injection) and never keeps it.
std::vector<std::string> findCustomers(pqxx::connection &db,
                                       const std::string &prefix) {
  pqxx::nontransaction tx(db);
  std::vector<std::string> names;
  for (const auto &row : tx.exec("select name from customers where name like " +
                                 tx.quote(prefix + "%")))
    names.push_back(row[0].as<std::string>());
  return names;
}

// A background job opens its own session in a scope that closes it.
void purgeAuditLog() {
  pqxx::connection conn("dbname=audit");
  pqxx::work tx(conn);
  tx.exec0("delete from audit_log where created < now() - interval '90 days'");
  tx.commit();
}

} // namespace shop
