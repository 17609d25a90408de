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
    store(Conn, 0);
  }

private:
  Db *Conn;
};
} // namespace app

void leaksOnThrow(app::Db *Conn) {
  app::beginWork(Conn);
  app::store(Conn, 1);
  app::rollbackWork(Conn);
}

void endedOnEveryPath(app::Db *Conn) {
  app::beginWork(Conn);
  try {
    app::store(Conn, 2);
  } catch (...) {
    app::rollbackWork(Conn);
    throw;
  }
  app::rollbackWork(Conn);
}

