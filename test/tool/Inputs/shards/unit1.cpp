#include <sqlite3.h>

sqlite3 *Shared1 = nullptr;
