// The client libraries' own classes are never reported, also when a project
// includes them from its own tree (-I, not -isystem) with a header filter that
// shows every header: a vendored library's header tree is the folder of the
// header that declares its API, as the compiler found it. The project's
// classes next to them still are, whatever their file or folder is called.
// RUN: %check_session --header-filter='.*' %s -- -I%S/Inputs/vendored -I%S/Inputs/user-paths

#include <app_client.h>
#include <mysql/sql.h>
#include <hiredis/cluster.h>
#include <pqxx/listener.hxx>

// A project header named like a library's is still the project's:
// CHECK-MESSAGES: sql.h:10:20: warning: session 'Conn' of type 'pqxx::connection' is stored in a member of 'MigrationRunner'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-MESSAGES: app_client.h:10:17: warning: session 'Ctx' of type 'redisContext *' is stored in a member of 'InventoryClient'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]

void listen(pqxx::connection &Conn) {
  pqxx::notification_listener Listener(Conn);
  Listener.wait_for(5);
}
