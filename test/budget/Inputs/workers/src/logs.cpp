// The log worker: a pool of 15 for 2 threads.
#include <QThreadPool>
#include <soci/soci.h>
soci::connection_pool Pool(15);
int main() { QThreadPool::globalInstance()->setMaxThreadCount(2); }
