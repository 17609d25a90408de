#include <sqlite3.h>

sqlite3 *Shared6 = nullptr;
