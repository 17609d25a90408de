#include <sqlite3.h>

sqlite3 *Shared3 = nullptr;
