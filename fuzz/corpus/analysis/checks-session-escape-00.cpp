#include <functional>
#include <future>
#include <memory>
#include <pqxx/pqxx>
#include <thread>
#include <vector>
pqxx::connection *Global = nullptr;
struct Registry { pqxx::connection *Conn = nullptr; };

class Service {
public:
  void remember() {
    pqxx::connection Conn("dbname=app");
    Current = &Conn;
  }
  void rememberOwned() {
    auto Owner = std::make_unique<pqxx::connection>("dbname=app");
    All.push_back(Owner.get());
  }
  void callback() {
    pqxx::connection Conn("dbname=app");
    OnDone = [&Conn] { pqxx::nontransaction N(Conn); };
  }
  std::future<void> async() {
    pqxx::connection Conn("dbname=app");
    return std::async(std::launch::async,
                      [&] { pqxx::nontransaction N(Conn); });
  }
  void detached() {
    pqxx::connection Conn("dbname=app");
    std::thread([&Conn] { pqxx::nontransaction N(Conn); }).detach();
  }
  void detachedLater() {
    pqxx::connection Conn("dbname=app");
    std::thread T([&Conn] { pqxx::nontransaction N(Conn); });
    T.detach();
  }
  void joined() {
    pqxx::connection Conn("dbname=app");
    std::thread T([&Conn] { pqxx::nontransaction N(Conn); });
    T.join();
    auto F = std::async(std::launch::async, [&] { pqxx::nontransaction N(Conn); });
    F.wait();
  }
private:
  pqxx::connection *Current = nullptr;
  std::vector<pqxx::connection *> All;
  std::function<void()> OnDone;
};
void toGlobal() {
  pqxx::connection C("x");
  Global = &C;
}
void toParam(Registry &R) {
  pqxx::connection C("x");
  R.Conn = &C;
}
// Stays inside the scope: a local pointer, a local struct, a parameter passed
// through, a call, a lambda run on the spot, a joined thread, a waited task.
void toLocal() {
  pqxx::connection C("x");
  pqxx::connection *P = &C;
  Registry L;
  L.Conn = &C;
  (void)P;
}
pqxx::connection &returnsRef() {
  pqxx::connection C("x");
  return C;
}
pqxx::connection *returnsPtr() {
  auto O = std::make_unique<pqxx::connection>("x");
  return O.get();
}
pqxx::connection &passThrough(pqxx::connection &C) { return C; }
std::function<void()> returnsLambda() {
  pqxx::connection C("x");
  return [&C] { pqxx::nontransaction N(C); };
}
void use(pqxx::connection &C);
void byRef() {
  pqxx::connection C("x");
  use(C);
  [&C] { use(C); }();
}

