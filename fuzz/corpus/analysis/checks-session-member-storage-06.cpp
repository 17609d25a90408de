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

// A member whose type is a template parameter is reported where the
// template is instantiated with a session type.
template <class Conn> class Cache {
public:
  void refresh();

private:
  Conn Source;
};
Cache<std::string> Names;
Cache<pqxx::connection> *Prices = nullptr;
void refreshPrices() { Prices->refresh(); }

