// What a class is — a session wrapper, a service, a pool, a lease, a
// singleton, the project's own code — is decided by what its code does and
// where the compiler found it, never by its names. Each shape has its twin.
// RUN: %check_session --checks=-*,session-member-storage,session-static-storage --header-filter='.*lookalike.*' %s -- -I%S/Inputs/lookalike %libpq_flags %mariadb_flags

#include <libpq-fe.h>
#include <mysql.h>
#include <pqxx/pqxx>
#include <soci/soci.h>
#include <sql.h>
#include <sqlext.h>
#include <sqlite3.h>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "feed_store.h"
#include "hiredis/cache_client.h"
#include "mysql_driver.h"

// CHECK-NOTES: cache_client.h:11:17: warning: session 'Redis' of type 'redisContext *' is stored in a member of 'SessionCache'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: mysql_driver.h:10:11: warning: session 'Conn' of type 'PGconn *' is stored in a member of 'InvoiceArchive'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]

// --- Wrappers: SQL text from the caller, whatever the methods are called.

class LedgerDb {
public:
  explicit LedgerDb(const std::string &Info) : Conn(Info) {}
  long countRows(const std::string &Query) {
    pqxx::nontransaction Tx(Conn);
    return Tx.exec1(Query)[0].as<long>();
  }
  std::string firstText(const std::string &Query) {
    pqxx::nontransaction Tx(Conn);
    return Tx.exec1(Query)[0].as<std::string>();
  }
  const std::string &label() const { return Label; }

private:
  std::string Label;
  pqxx::connection Conn; // OK: the wrapper's own session
};

class PayoutScheduler {
public:
  long pending() { return Db.countRows("SELECT count(*) FROM payouts"); }

private:
  LedgerDb Db;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: session 'Db' of type 'LedgerDb' is stored in a member of 'PayoutScheduler'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-10]]:20: note: 'LedgerDb' counts as a session: it owns 'pqxx::connection' through its member 'Conn', and 'countRows' runs SQL text its callers pass in
// CHECK-NOTES: :[[@LINE-6]]:40: note: 'PayoutScheduler' is a service, not a session wrapper: 'pending' runs SQL on its own table 'payouts'
};

LedgerDb &sharedLedger() {
  static LedgerDb Shared("dbname=ledger");
// CHECK-NOTES: :[[@LINE-1]]:19: warning: session 'Shared' of type 'LedgerDb' is a function-local static: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
// CHECK-NOTES: :[[@LINE-17]]:20: note: 'LedgerDb' counts as a session: it owns 'pqxx::connection' through its member 'Conn', and 'countRows' runs SQL text its callers pass in
  return Shared;
}

// Column helpers over the library's result types make no service.
class MeterDb {
public:
  MeterDb() : Conn(mysql_init(nullptr)) {}
  ~MeterDb() { mysql_close(Conn); }
  bool run(const std::string &Sql) { return mysql_query(Conn, Sql.c_str()) == 0; }
  static long columnAsLong(MYSQL_ROW Row, unsigned Column) {
    return Row[Column] ? std::stol(Row[Column]) : 0;
  }

private:
  MYSQL *Conn; // OK: released in the destructor
};
MeterDb GlobalMeters;
// CHECK-NOTES: :[[@LINE-1]]:9: warning: session 'GlobalMeters' of type 'MeterDb' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
// CHECK-NOTES: :[[@LINE-4]]:10: note: 'MeterDb' counts as a session: it owns 'MYSQL *' through its member 'Conn', and 'run' runs SQL text its callers pass in

// Opened by a method taking a settings struct: the session's life cycle.
struct DialSettings {
  std::string Backend;
  std::string Target;
};
class DialedSession {
public:
  ~DialedSession() { delete Sql; }
  void dial(const DialSettings &Settings) {
    delete Sql;
    Sql = new soci::session(Settings.Backend, Settings.Target);
  }

private:
  soci::session *Sql = nullptr; // OK: a wrapper
};

// A destructor defined in another file releases the handle it owns.
class FeedReader {
public:
  int refresh() { return Store.run("DELETE FROM stale_items"); }

private:
  FeedStore Store;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: session 'Store' of type 'FeedStore' is stored in a member of 'FeedReader'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: feed_store.h:17:12: note: 'FeedStore' counts as a session: it owns 'sqlite3 *' through its member 'Db', and 'raw' hands out the session or a transaction on it
// CHECK-NOTES: :[[@LINE-6]]:36: note: 'FeedReader' is a service, not a session wrapper: 'refresh' runs SQL on its own table 'stale_items'
};

// A library-named header of the project's own: its wrapper is a session.
ArchiveLink *CurrentArchive = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:14: warning: session 'CurrentArchive' of type 'ArchiveLink *' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
// CHECK-NOTES: mysql_driver.h:20:11: note: 'ArchiveLink' counts as a session: it owns 'PGconn *' through its member 'Conn', and 'handle' hands out the session or a transaction on it

// --- Services: SQL on their own tables, whatever the methods are called.

class ParcelDesk {
public:
  explicit ParcelDesk(std::shared_ptr<soci::session> Sql) : Sql(std::move(Sql)) {}
  void open(int Parcel) {
    *Sql << "UPDATE parcels SET opened = 1 WHERE id = :id", soci::use(Parcel);
  }
  void close(int Parcel) {
    *Sql << "UPDATE parcels SET opened = 0 WHERE id = :id", soci::use(Parcel);
  }

private:
  std::shared_ptr<soci::session> Sql;
// CHECK-NOTES: :[[@LINE-1]]:34: warning: session 'Sql' of type 'std::shared_ptr<soci::session>' is stored in a member of 'ParcelDesk'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-9]]:13: note: 'ParcelDesk' is a service, not a session wrapper: 'open' runs SQL on its own table 'parcels'
};

// A constant holding the statement counts as the function's SQL.
static const char *const RefundQuery = "SELECT amount FROM refunds WHERE id = $1";
class RefundLookup {
public:
  PGresult *query(const char *Id) {
    return PQexecParams(Conn, RefundQuery, 1, nullptr, &Id, nullptr, nullptr, 0);
  }
  ~RefundLookup() { PQfinish(Conn); }

private:
  PGconn *Conn = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:11: warning: session 'Conn' of type 'PGconn *' is stored in a member of 'RefundLookup'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-11]]:40: note: 'RefundLookup' is a service, not a session wrapper: 'query' runs SQL on its own table 'refunds'
};

// Only a constructor and a defaulted destructor: a service in the making.
class TariffBase {
public:
  explicit TariffBase(std::shared_ptr<LedgerDb> Db) : Db(std::move(Db)) {}
  virtual ~TariffBase() = default;

private:
  std::shared_ptr<LedgerDb> Db;
// CHECK-NOTES: :[[@LINE-1]]:29: warning: session 'Db' of type 'std::shared_ptr<LedgerDb>' is stored in a member of 'TariffBase'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-114]]:20: note: 'LedgerDb' counts as a session: it owns 'pqxx::connection' through its member 'Conn', and 'countRows' runs SQL text its callers pass in
};
class PeakTariffs : public TariffBase {
public:
  using TariffBase::TariffBase;
  int peakHour() const;
};
class BillingRun {
  void start();
  std::unique_ptr<PeakTariffs> Tariffs; // OK: not a session type
};

// Several sessions, one handed out per call, none taken back: no pool.
class ShardRouter {
public:
  void addShard(std::unique_ptr<pqxx::connection> Conn) { Shards.push_back(std::move(Conn)); }
  pqxx::connection &shard(std::size_t Key) { return *Shards[Key % Shards.size()]; }

private:
  std::vector<std::unique_ptr<pqxx::connection>> Shards;
// CHECK-NOTES: :[[@LINE-1]]:50: warning: session 'Shards' of type 'std::vector<std::unique_ptr<pqxx::connection>>' is stored in a member of 'ShardRouter'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// An ODBC connection handle kept and never freed.
class OdbcProbe {
public:
  explicit OdbcProbe(SQLHDBC Dbc) : Dbc(Dbc) {}
  SQLHDBC get() const { return Dbc; }

private:
  SQLHDBC Dbc;
// CHECK-NOTES: :[[@LINE-1]]:11: warning: session 'Dbc' of type 'SQLHDBC' is stored in a member of 'OdbcProbe'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// --- Pools and leases, by what they do with their sessions.

// Hand-out and take-back are private; the nested lease is the only way in.
class StandbyBroker {
public:
  class Borrowed {
  public:
    explicit Borrowed(StandbyBroker &Broker) : Broker(Broker), Conn(Broker.take()) {}
    ~Borrowed() { Broker.giveBack(Conn); }
    PGconn *get() const { return Conn; }

  private:
    StandbyBroker &Broker;
    PGconn *Conn; // OK: a lease
  };

private:
  PGconn *take() {
    std::lock_guard<std::mutex> Lock(Mutex);
    PGconn *Conn = Idle.back();
    Idle.pop_back();
    return Conn;
  }
  void giveBack(PGconn *Conn) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Idle.push_back(Conn);
  }
  std::mutex Mutex;
  std::vector<PGconn *> Idle; // OK: a pool, by what it does
};

// A slot pool whose bodies are elsewhere, and a lease giving back a slot.
class ReplicaSlots {
public:
  std::size_t claim();
  void unclaim(std::size_t Slot);
  MYSQL *at(std::size_t Slot) { return Conns[Slot]; }

private:
  std::vector<MYSQL *> Conns; // OK: leases give back to it
};
class SlotLease {
public:
  explicit SlotLease(ReplicaSlots &Slots) : Slots(Slots), Slot(Slots.claim()), Conn(Slots.at(Slot)) {}
  ~SlotLease() { Slots.unclaim(Slot); }
  MYSQL *get() const { return Conn; }

private:
  ReplicaSlots &Slots;
  std::size_t Slot;
  MYSQL *Conn; // OK: a lease
};

// --- Singletons: one finding, at the session, with a note at the instance.

class AuditTrail {
public:
  static AuditTrail &instance(); // its body, with the instance, is elsewhere
  void record(const std::string &Event);

private:
  AuditTrail();
  pqxx::connection Conn;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: session 'Conn' of type 'pqxx::connection' is stored in a member of singleton 'AuditTrail', which keeps it open for the life of the process; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-7]]:22: note: 'AuditTrail' is a singleton: it cannot be constructed from outside and hands out its one instance here
};

class MetricsSink {
public:
  static MetricsSink &get() {
    static MetricsSink Sink; // not reported a second time
    return Sink;
  }
  PGconn *handle() const { return Conn; }

private:
  MetricsSink() : Conn(PQconnectdb("dbname=metrics")) {}
  ~MetricsSink() { PQfinish(Conn); }
  PGconn *Conn;
// CHECK-NOTES: :[[@LINE-1]]:11: warning: session 'Conn' of type 'PGconn *' is stored in a member of singleton 'MetricsSink', which keeps it open for the life of the process; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-10]]:24: note: 'MetricsSink' is a singleton: its instance is kept here
};

// A factory returning its own type by owning pointer is no singleton.
class ReportJob {
public:
  static std::unique_ptr<ReportJob> create();
  void runReport();

private:
  ReportJob();
  pqxx::connection Conn;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: session 'Conn' of type 'pqxx::connection' is stored in a member of 'ReportJob'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// Lends by pointer and takes back by pointer (its slots are fixed): a pool.
class ArchiveShards {
public:
  explicit ArchiveShards(std::size_t N) : Files(N, nullptr) {}
  sqlite3 *lend(std::size_t I) { return Files[I]; }
  void restore(sqlite3 *) {}

private:
  std::vector<sqlite3 *> Files; // OK: a pool
};

// Only ever adds the handles it is given, and hands them out: it keeps them.
class TenantRegistry {
public:
  void enroll(PGconn *Conn) { Tenants.push_back(Conn); }
  PGconn *tenant(std::size_t I) { return Tenants[I]; }
  void forget(PGconn *Conn);

private:
  std::vector<PGconn *> Tenants;
// CHECK-NOTES: :[[@LINE-1]]:25: warning: session 'Tenants' of type 'std::vector<PGconn *>' is stored in a member of 'TenantRegistry'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// The base of data-access classes: a protected session, a constructor and a
// destructor defined elsewhere, nothing to use it by. Not a wrapper.
class DataAccessBase {
public:
  explicit DataAccessBase(const std::string &Info);
  virtual ~DataAccessBase();

protected:
  PGconn *Conn = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:11: warning: session 'Conn' of type 'PGconn *' is stored in a member of 'DataAccessBase'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// The same with the destructor in sight: releasing is not giving access.
class ReportBase {
public:
  ReportBase() { sqlite3_open("reports.db", &Db); }
  ~ReportBase() { sqlite3_close(Db); }

protected:
  sqlite3 *Db = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: session 'Db' of type 'sqlite3 *' is stored in a member of 'ReportBase'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

// Two handles to the same server, both owned, reopened by the library's own
// acquire function: still one wrapper.
class DualLink {
public:
  ~DualLink() {
    PQfinish(Primary);
    PQfinish(Listener);
  }
  void reopen(const char *Info) { Primary = PQconnectdb(Info); }
  PGconn *primary() const { return Primary; }

private:
  PGconn *Primary = nullptr;  // OK: a wrapper
  PGconn *Listener = nullptr; // OK: a wrapper
};

// A pimpl's state: public data, no functions to be named. Nothing makes it a
// session of its own, so the session it keeps is reported where it lives,
// and the class that holds the Impl is not reported a second time.
class Ledger {
public:
  Ledger();
  long balance(int Account);

private:
  struct State;
  std::unique_ptr<State> Self; // OK: reported inside State
};
struct Ledger::State {
  std::shared_ptr<soci::session> Sql;
// CHECK-NOTES: :[[@LINE-1]]:34: warning: session 'Sql' of type 'std::shared_ptr<soci::session>' is stored in a member of 'State'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  std::string LastError;
  int Retries = 0;
};

// Its twin gives access to the session through a function: a wrapper, and
// the class that keeps one is reported.
struct SqlSlot {
  std::shared_ptr<soci::session> Sql; // OK: a wrapper
  soci::session &session() { return *Sql; }
};
class SlotKeeper {
  SqlSlot Slot;
// CHECK-NOTES: :[[@LINE-1]]:11: warning: session 'Slot' of type 'SqlSlot' is stored in a member of 'SlotKeeper'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-6]]:34: note: 'SqlSlot' counts as a session: it owns 'std::shared_ptr<soci::session>' through its member 'Sql', and 'session' hands out the session or a transaction on it
};
