#include <sqlite3.h>

sqlite3 *BeforeTheCrash = nullptr;

// Clang's own way to crash the frontend: stands for any crash in a unit.
#pragma clang __debug crash
