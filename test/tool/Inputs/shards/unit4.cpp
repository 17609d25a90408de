#include <sqlite3.h>

sqlite3 *Shared4 = nullptr;
