#include <libpq-fe.h>
#include <atomic>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>
#include <vendor_client.h>
// Namespace scope, in every spelling.
pqxx::connection GlobalConn{"dbname=app"};
static std::unique_ptr<pqxx::connection> FileLocal;
namespace app {
inline std::shared_ptr<pqxx::connection> Shared;
PGconn *Handle = nullptr;
std::vector<pqxx::connection *> All;
namespace {
pqxx::lazyconnection Lazy{"dbname=app"};
}
} // namespace app
// One finding per variable, at its definition: an extern declaration (often
// in a header every file includes) is not the variable's home.
extern pqxx::connection *Declared;
pqxx::connection *Declared = nullptr;

// Function templates: reported once, on the pattern.
template <class T> pqxx::connection &perType() {
  static pqxx::connection Conn{"dbname=app"};
  return Conn;
}
template pqxx::connection &perType<int>();
template pqxx::connection &perType<long>();

// A static whose type is a template parameter: reported for each
// instantiation with a session type, where it is instantiated.
template <class T> T &instanceOf() {
  static T Instance{"dbname=app"};
  return Instance;
}
pqxx::connection &primary() { return instanceOf<pqxx::connection>(); }
std::string &label() { return instanceOf<std::string>(); }

