// The checks match only the user's code, skipping declarations wholly inside
// system headers (for speed: most of a translation unit). A declaration a
// system header's macro writes around the user's code in a user file, and a
// user template that only a system header's template instantiates, are still
// the user's code; the system header's own declarations (vendor_client.h)
// are still never reported. (As in clang, a warning inside the text of a
// system macro is never shown.)
// RUN: %check_session --checks=-*,session-member-storage,session-unscoped-acquire,session-static-storage %s -- -isystem %S/Inputs/system %libpq_flags

#include <pqxx/pqxx>
#include <vendor_client.h>
#include <vendor_macros.h>

VENDOR_REPOSITORY(OrderRepository, pqxx::connection Db{"dbname=app"};)
// CHECK-MESSAGES: :[[@LINE-1]]:53: warning: session 'Db' of type 'pqxx::connection' is stored in a member of 'OrderRepository'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]

template <typename T> struct ReportJob {
  void run() {
    auto *Conn = new pqxx::connection("dbname=reports");
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: {{.*}}[session-unscoped-acquire]
    pqxx::work Tx(*Conn);
    Tx.commit();
  }
};

void scheduleReports() { vendor::runLater(ReportJob<int>{}); }

namespace vendor {
// The user's own declarations in a namespace a system header opened first.
pqxx::connection *userHandle = nullptr;
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: {{.*}}[session-static-storage]
} // namespace vendor
