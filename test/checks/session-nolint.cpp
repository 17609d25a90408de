// NOLINT, NOLINTNEXTLINE and begin/end blocks silence each check, in both
// front ends; a NOLINT for another check does not.
// RUN: %check_session %s

#include <pqxx/pqxx>

class Service {
  void handle();
  pqxx::connection A{""}; // NOLINT(session-member-storage)
  // NOLINTNEXTLINE(session-*)
  pqxx::connection B{""};
  pqxx::connection C{""}; // NOLINT
  pqxx::connection D{""}; // NOLINT(session-static-storage)
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: session 'D' of type 'pqxx::connection' is stored in a member of 'Service'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

pqxx::connection *E = nullptr; // NOLINT(session-static-storage)
// NOLINTBEGIN(session-static-storage)
pqxx::connection *F = nullptr;
pqxx::connection *G = nullptr;
// NOLINTEND(session-static-storage)
pqxx::connection *H = nullptr; // NOLINT(session-member-storage)
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'H' of type 'pqxx::connection *' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
