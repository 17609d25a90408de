#include <sqlite3.h>

sqlite3 *Shared2 = nullptr;
