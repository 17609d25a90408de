#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>
#include <vendor_client.h>
// The seed's BadService: the session is created in the constructor and kept.
class BadService {
public:
  BadService() : db_("dbname=app") {}
  int countUsers();

private:
  pqxx::connection db_;
};

// An injected session kept in a member: "if the service is a singleton, the
// session leaks".
class InjectedService {
public:
  explicit InjectedService(pqxx::connection &db) : db_(db) {}
  void saveOrder(int id);

private:
  pqxx::connection &db_;
};

struct Holders {
  void refresh();
  const pqxx::connection &ConstRef;
  pqxx::connection *Raw = nullptr;
  std::unique_ptr<pqxx::connection> Unique;
  std::shared_ptr<pqxx::connection> Shared;
  std::weak_ptr<pqxx::connection> Weak;
  std::optional<pqxx::lazyconnection> Lazy;
  std::vector<std::unique_ptr<pqxx::connection>> Many;
  std::map<std::string, std::shared_ptr<pqxx::connection>> ByTenant;
  pqxx::connection *Array[4];
  pqxx::connection_base *Base = nullptr;
  PGconn *Handle = nullptr;
  std::unique_ptr<PGconn, decltype(&PQfinish)> OwnedHandle{nullptr, &PQfinish};
};

// Names the user gave the session type do not hide it.
using Db = pqxx::connection;
typedef std::unique_ptr<pqxx::connection> DbPtr;
template <class T> using Owned = std::unique_ptr<T>;
class AliasedService {
  void loadPrices();
  Db Direct;
  DbPtr ViaTypedef;
  Owned<pqxx::connection> ViaAliasTemplate;
  decltype(Direct) *ViaDecltype = nullptr;
};

