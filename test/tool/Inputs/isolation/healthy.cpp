#include <sqlite3.h>

sqlite3 *Healthy = nullptr;
