// Tests session-escape against the real libpqxx headers: a scoped session's
// address or a by-reference capture stored where it outlives the scope, and
// the look-alikes that stay inside it.
// RUN: %check_session --checks=-*,session-escape %s

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
// CHECK-NOTES: :[[@LINE-1]]:15: warning: the address of session 'Conn', owned by this scope, is stored in member 'Current', which outlives it; pass the session as a parameter to the code that needs it instead of keeping it [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:22: note: 'Conn' is declared here and closed at the end of its scope
  }
  void rememberOwned() {
    auto Owner = std::make_unique<pqxx::connection>("dbname=app");
    All.push_back(Owner.get());
// CHECK-NOTES: :[[@LINE-1]]:19: warning: the address of session 'Owner', owned by this scope, is stored in member 'All', which outlives it; pass the session as a parameter to the code that needs it instead of keeping it [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:10: note: 'Owner' is declared here and closed at the end of its scope
  }
  void callback() {
    pqxx::connection Conn("dbname=app");
    OnDone = [&Conn] { pqxx::nontransaction N(Conn); };
// CHECK-NOTES: :[[@LINE-1]]:14: warning: session 'Conn', owned by this scope, is captured by reference in a lambda stored in member 'OnDone', which outlives it; let the callback open its own session when it runs [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:22: note: 'Conn' is declared here and closed at the end of its scope
  }
  std::future<void> async() {
    pqxx::connection Conn("dbname=app");
    return std::async(std::launch::async,
                      [&] { pqxx::nontransaction N(Conn); });
// CHECK-NOTES: :[[@LINE-1]]:23: warning: session 'Conn', owned by this scope, is captured by reference in a std::async task whose future is returned, so the task may outlive it; wait for the task before the scope ends, or let it open its own session [session-escape]
// CHECK-NOTES: :[[@LINE-4]]:22: note: 'Conn' is declared here and closed at the end of its scope
  }
  void detached() {
    pqxx::connection Conn("dbname=app");
    std::thread([&Conn] { pqxx::nontransaction N(Conn); }).detach();
// CHECK-NOTES: :[[@LINE-1]]:17: warning: session 'Conn', owned by this scope, is captured by reference in a lambda run by a detached thread, which may outlive it; join the thread before the scope ends, or let the thread open its own session [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:22: note: 'Conn' is declared here and closed at the end of its scope
  }
  void detachedLater() {
    pqxx::connection Conn("dbname=app");
    std::thread T([&Conn] { pqxx::nontransaction N(Conn); });
// CHECK-NOTES: :[[@LINE-1]]:19: warning: session 'Conn', owned by this scope, is captured by reference in a lambda run by a detached thread, which may outlive it; join the thread before the scope ends, or let the thread open its own session [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:22: note: 'Conn' is declared here and closed at the end of its scope
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
// CHECK-NOTES: :[[@LINE-1]]:12: warning: the address of session 'C', owned by this scope, is stored in global 'Global', which outlives it; pass the session as a parameter to the code that needs it instead of keeping it [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:20: note: 'C' is declared here and closed at the end of its scope
}
void toParam(Registry &R) {
  pqxx::connection C("x");
  R.Conn = &C;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: the address of session 'C', owned by this scope, is stored in the object behind parameter 'R', which outlives it; pass the session as a parameter to the code that needs it instead of keeping it [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:20: note: 'C' is declared here and closed at the end of its scope
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
// CHECK-NOTES: :[[@LINE-1]]:10: warning: returning a reference to session 'C', which is closed when 'returnsRef' returns; return the session by value, or take it as a parameter [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:20: note: 'C' is declared here and closed at the end of its scope
}
pqxx::connection *returnsPtr() {
  auto O = std::make_unique<pqxx::connection>("x");
  return O.get();
// CHECK-NOTES: :[[@LINE-1]]:10: warning: returning a pointer to session 'O', which is closed when 'returnsPtr' returns; return the session by value, or take it as a parameter [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:8: note: 'O' is declared here and closed at the end of its scope
}
pqxx::connection &passThrough(pqxx::connection &C) { return C; }
std::function<void()> returnsLambda() {
  pqxx::connection C("x");
  return [&C] { pqxx::nontransaction N(C); };
// CHECK-NOTES: :[[@LINE-1]]:10: warning: session 'C' is captured by reference in a lambda returned from 'returnsLambda', which outlives it; let the lambda open its own session when it runs [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:20: note: 'C' is declared here and closed at the end of its scope
}
void use(pqxx::connection &C);
void byRef() {
  pqxx::connection C("x");
  use(C);
  [&C] { use(C); }();
}

// Assigning a pointer parameter changes a local copy of the pointer.
void pointsLocally(pqxx::connection *Out) {
  pqxx::connection C("x");
  Out = &C;
  (void)Out;
}

// Threads kept to be joined are not detached.
class Workers {
public:
  void runAll() {
    pqxx::connection Conn("dbname=app");
    Pool.emplace_back([&Conn] { pqxx::nontransaction N(Conn); });
    Main = std::thread([&Conn] { pqxx::nontransaction N(Conn); });
    Main.join();
    for (std::thread &T : Pool)
      T.join();
  }

private:
  std::vector<std::thread> Pool;
  std::thread Main;
};
