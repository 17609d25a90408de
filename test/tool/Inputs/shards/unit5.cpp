#include <sqlite3.h>

sqlite3 *Shared5 = nullptr;
