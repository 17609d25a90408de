// The user's transaction functions and guards (BeginFunctions,
// RollbackFunctions, TransactionGuardTypes) in session-manual-transaction.
// RUN: %check_session --checks=-*,session-manual-transaction %s --config="{CheckOptions: {BeginFunctions: 'app::beginWork', RollbackFunctions: 'app::rollbackWork', TransactionGuardTypes: 'app::Unit'}}"
// RUN: %check_session --check-suffix=NOGUARD --checks=-*,session-manual-transaction %s --config="{CheckOptions: {BeginFunctions: 'app::beginWork', RollbackFunctions: 'app::rollbackWork'}}"
// RUN: %check_session --check-suffix=NONE --checks=-*,session-manual-transaction %s

namespace app {
struct Db;
void beginWork(Db *Conn);
void rollbackWork(Db *Conn);
void store(Db *Conn, int Value); // may throw

// Listed in TransactionGuardTypes: its own begins are what a guard does.
class Unit {
public:
  explicit Unit(Db *Conn) : Conn(Conn) { beginWork(Conn); }
  void restart() {
    rollbackWork(Conn);
    beginWork(Conn);
// CHECK-MESSAGES-NOGUARD: :[[@LINE-1]]:5: warning: transaction begun with 'app::beginWork' on 'Conn' is not ended on every path out of 'restart'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
    store(Conn, 0);
  }

private:
  Db *Conn;
};
} // namespace app

// With a configured guard, every begin outside it is reported (the guard
// rule, as for the libraries that ship one); without, the paths decide.
void leaksOnThrow(app::Db *Conn) {
  app::beginWork(Conn);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transaction begun by hand with 'app::beginWork' on 'Conn'; use 'app::Unit', which rolls back when its scope is left without a commit [session-manual-transaction]
// CHECK-MESSAGES-NOGUARD: :[[@LINE-2]]:3: warning: transaction begun with 'app::beginWork' on 'Conn' is not ended on every path out of 'leaksOnThrow'; commit or roll it back on every path, or use a guard class whose destructor rolls back [session-manual-transaction]
  app::store(Conn, 1);
  app::rollbackWork(Conn);
}

void endedOnEveryPath(app::Db *Conn) {
  app::beginWork(Conn);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transaction begun by hand with 'app::beginWork' on 'Conn'; use 'app::Unit', which rolls back when its scope is left without a commit [session-manual-transaction]
  try {
    app::store(Conn, 2);
  } catch (...) {
    app::rollbackWork(Conn);
    throw;
  }
  app::rollbackWork(Conn);
}

// Silent with the guard: the begin is the guard's own.
void guarded(app::Db *Conn) {
  app::Unit Work(Conn);
  app::store(Conn, 3);
}
