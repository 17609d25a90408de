#include <functional>
#include <future>
#include <memory>
#include <pqxx/pqxx>
#include <thread>
#include <vector>
pqxx::connection *Global = nullptr;
struct Registry { pqxx::connection *Conn = nullptr; };

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

