// Tests session-escape when the address travels first: through an
// init-capture, or a local pointer copied from the session's address; and
// the look-alikes that stay inside the scope.
// RUN: %check_session --checks=-*,session-escape %s

#include <functional>
#include <memory>
#include <pqxx/pqxx>
#include <thread>

void notifyLater(const char *Info) {
  auto Owner = std::make_unique<pqxx::connection>(Info);
  std::thread([Conn = Owner.get()] {
// CHECK-NOTES: :[[@LINE-1]]:15: warning: session 'Owner', owned by this scope, is captured through a pointer in a lambda run by a detached thread, which may outlive it; join the thread before the scope ends, or let the thread open its own session [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:8: note: 'Owner' is declared here and closed at the end of its scope
    pqxx::nontransaction Tx(*Conn);
    Tx.exec("NOTIFY jobs");
  }).detach();
}

void notifyLaterByReference(const char *Info) {
  pqxx::connection Conn(Info);
  std::thread([&Alias = Conn] {
// CHECK-NOTES: :[[@LINE-1]]:15: warning: session 'Conn', owned by this scope, is captured by reference in a lambda run by a detached thread, which may outlive it; join the thread before the scope ends, or let the thread open its own session [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:20: note: 'Conn' is declared here and closed at the end of its scope
    pqxx::nontransaction Tx(Alias);
    Tx.exec("NOTIFY jobs");
  }).detach();
}

pqxx::connection *openLocal(const char *Info) {
  pqxx::connection Conn(Info);
  pqxx::connection *Result = &Conn;
  return Result;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: returning a pointer to session 'Conn', which is closed when 'openLocal' returns; return the session by value, or take it as a parameter [session-escape]
// CHECK-NOTES: :[[@LINE-4]]:20: note: 'Conn' is declared here and closed at the end of its scope
}

void notifyThroughPointer(const char *Info) {
  pqxx::connection Conn(Info);
  pqxx::connection *Target = &Conn;
  std::thread([Target] {
// CHECK-NOTES: :[[@LINE-1]]:15: warning: session 'Conn', owned by this scope, is captured through a pointer in a lambda run by a detached thread, which may outlive it; join the thread before the scope ends, or let the thread open its own session [session-escape]
// CHECK-NOTES: :[[@LINE-4]]:20: note: 'Conn' is declared here and closed at the end of its scope
    pqxx::nontransaction Tx(*Target);
    Tx.exec("NOTIFY jobs");
  }).detach();
}

struct Dispatcher {
  std::function<void()> OnTick;
  pqxx::connection *Last = nullptr;
  void arm(const char *Info) {
    pqxx::connection Conn(Info);
    pqxx::connection *Held = &Conn;
    Last = Held;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: the address of session 'Conn', owned by this scope, is stored in member 'Last', which outlives it; pass the session as a parameter to the code that needs it instead of keeping it [session-escape]
// CHECK-NOTES: :[[@LINE-4]]:22: note: 'Conn' is declared here and closed at the end of its scope
    OnTick = [Raw = &Conn] { pqxx::nontransaction Tx(*Raw); };
// CHECK-NOTES: :[[@LINE-1]]:14: warning: session 'Conn', owned by this scope, is captured through a pointer in a lambda stored in member 'OnTick', which outlives it; let the callback open its own session when it runs [session-escape]
// CHECK-NOTES: :[[@LINE-7]]:22: note: 'Conn' is declared here and closed at the end of its scope
  }
};

// Silent: joined before the scope ends; a pointer repointed before it
// escapes; an init-capture of something else.
void notifyNow(const char *Info) {
  auto Owner = std::make_unique<pqxx::connection>(Info);
  std::thread Worker([Conn = Owner.get()] {
    pqxx::nontransaction Tx(*Conn);
    Tx.exec("NOTIFY jobs");
  });
  Worker.join();
}

pqxx::connection *Shared = nullptr;
pqxx::connection *pickConnection(const char *Info) {
  pqxx::connection Conn(Info);
  pqxx::connection *Choice = &Conn;
  Choice = Shared;
  return Choice;
}

void notifyWithCopy(const char *Info) {
  pqxx::connection Conn(Info);
  std::thread([Name = std::string(Info)] { (void)Name; }).detach();
}
