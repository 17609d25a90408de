// Tests session-pool-budget's worker remarks against the real Boost.Asio,
// Qt, libstdc++ and SOCI headers: how many workers per process may ask for
// a connection at once, decided from constructor arguments and constants —
// a thread pool's size, a loop's constant trip count starting threads,
// QThreadPool's limit, and a semaphore acquired before database work (seed
// 004 §2). Names decide nothing.
// RUN: %check_session --checks=-*,session-pool-budget %s -- -std=c++20 %qt_flags -DQT_NO_KEYWORDS

#include <QThreadPool>
#include <boost/asio/thread_pool.hpp>
#include <semaphore>
#include <soci/soci.h>
#include <thread>
#include <vector>

constexpr int RequestWorkers = 8;
boost::asio::thread_pool Requests(RequestWorkers);
// CHECK-NOTES: :[[@LINE-1]]:26: remark: thread pool 'Requests' of type 'boost::asio::thread_pool' runs 8 workers per process [session-pool-budget]

soci::connection_pool Pool(4);
// CHECK-NOTES: :[[@LINE-1]]:23: remark: connection pool 'Pool' of type 'soci::connection_pool' holds up to 4 connections per process [session-pool-budget]

void work(soci::connection_pool &Pool);

void startThreads() {
  std::vector<std::thread> Threads;
  for (int I = 0; I < 6; ++I)
    Threads.emplace_back(work, std::ref(Pool));
// CHECK-NOTES: :[[@LINE-2]]:3: remark: loop starts 6 workers per process, each a 'std::thread' [session-pool-budget]
  for (unsigned I = 1; I <= 3; I++)
    std::thread(work, std::ref(Pool)).detach();
// CHECK-NOTES: :[[@LINE-2]]:3: remark: loop starts 3 workers per process, each a 'std::thread' [session-pool-budget]
  for (auto &Thread : Threads)
    Thread.join();
}

void startJThreads() {
  std::vector<std::jthread> Threads;
  for (int I = 0; I != 2; I += 1)
    Threads.push_back(std::jthread(work, std::ref(Pool)));
// CHECK-NOTES: :[[@LINE-2]]:3: remark: loop starts 2 workers per process, each a 'std::jthread' [session-pool-budget]
}

void qtWorkers() {
  QThreadPool Jobs;
  Jobs.setMaxThreadCount(5);
// CHECK-NOTES: :[[@LINE-1]]:3: remark: thread pool 'Jobs' of type 'QThreadPool' runs up to 5 workers per process (setMaxThreadCount) [session-pool-budget]
  QThreadPool::globalInstance()->setMaxThreadCount(RequestWorkers / 2);
// CHECK-NOTES: :[[@LINE-1]]:3: remark: thread pool of type 'QThreadPool' runs up to 4 workers per process (setMaxThreadCount) [session-pool-budget]
}

// Seed 004 §2: a semaphore of 3 in front of the database work.
constexpr int MaxDbConcurrent = 3;
std::counting_semaphore<MaxDbConcurrent> DbSlots(MaxDbConcurrent);
// CHECK-NOTES: :[[@LINE-1]]:42: remark: semaphore 'DbSlots' of type 'std::counting_semaphore<MaxDbConcurrent>' lets 3 workers per process use the database at once [session-pool-budget]

void generate(soci::connection_pool &Pool) {
  DbSlots.acquire();
  soci::session Sql(Pool);
// CHECK-NOTES: :[[@LINE-1]]:17: note: database work ('soci::session') after the semaphore is acquired
  Sql << "update content set done = true";
  DbSlots.release();
}

// Acquired again elsewhere: one remark per semaphore.
void generateAgain(soci::connection_pool &Pool) {
  DbSlots.acquire();
  soci::session Sql(Pool);
  DbSlots.release();
}

// Look-alikes, all silent.

// A semaphore that guards no database work caps nothing the budget knows.
std::counting_semaphore<2> DiskSlots(2);
void writeFile() {
  DiskSlots.acquire();
  DiskSlots.release();
}

// Counts that are not constants: the deployment file gives them.
unsigned configuredWorkers();
void fromConfiguration() {
  boost::asio::thread_pool Sized(configuredWorkers());
  std::vector<std::thread> Threads;
  for (unsigned I = 0; I < std::thread::hardware_concurrency(); ++I)
    Threads.emplace_back(work, std::ref(Pool));
  QThreadPool Jobs;
  Jobs.setMaxThreadCount(static_cast<int>(configuredWorkers()));
  for (auto &Thread : Threads)
    Thread.join();
}

// A loop that starts no thread, and threads started outside a loop.
void noLoop() {
  std::vector<int> Values;
  for (int I = 0; I < 10; ++I)
    Values.emplace_back(I);
  std::thread One(work, std::ref(Pool));
  One.join();
}

// A variable named like a pool of workers is not one.
struct thread_pool {
  explicit thread_pool(int) {}
};
thread_pool NotBoost(16);
struct WorkerPool {
  void setMaxThreadCount(int);
};
void notQt(WorkerPool &Workers) { Workers.setMaxThreadCount(12); }
