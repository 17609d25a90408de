// A worker process of the example deployment: it opens its connection pool
// at start-up, as pools that pre-connect do, holds it while it works, and
// exits non-zero if the server refused a connection.
#include <chrono>
#include <cstdio>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

#ifndef POOL_SIZE
#define POOL_SIZE 4
#endif

namespace shop {

// The pool of the example service; its capacity is the second constructor
// argument (see .clang-tidy: PoolTypes, PoolCapacityArguments).
class ConnectionPool {
public:
  ConnectionPool(const std::string &ConnInfo, int Capacity) {
    for (int I = 0; I < Capacity; ++I)
      Idle.push_back(std::make_unique<pqxx::connection>(ConnInfo));
  }
  std::unique_ptr<pqxx::connection> acquire();
  void release(std::unique_ptr<pqxx::connection> Conn);

private:
  std::vector<std::unique_ptr<pqxx::connection>> Idle;
};

} // namespace shop

int main(int argc, char **argv) {
  const char *ConnInfo = argc > 1 ? argv[1] : "dbname=postgres";
  try {
    shop::ConnectionPool Pool(ConnInfo, POOL_SIZE);
    std::this_thread::sleep_for(std::chrono::seconds(3)); // the work
    std::puts("worker: all connections open");
    return 0;
  } catch (const std::exception &Error) {
    std::printf("worker: %s", Error.what());
    return 1;
  }
}
