// Seed 004 §2: the content worker starts 8 threads, and a semaphore of 3
// caps the ones that use the database at once; the pool holds 4.
#include <semaphore>
#include <soci/soci.h>
#include <thread>
#include <vector>

soci::connection_pool Pool(4);
constexpr int MaxDbConcurrent = 3;
std::counting_semaphore<MaxDbConcurrent> DbSlots(MaxDbConcurrent);

void generate() {
  DbSlots.acquire();
  {
    soci::session Sql(Pool);
    Sql << "update content set done = true";
  }
  DbSlots.release();
}

int main() {
  std::vector<std::thread> Threads;
  for (int I = 0; I < 8; ++I)
    Threads.emplace_back(generate);
  for (std::thread &Thread : Threads)
    Thread.join();
}
