#include <vendor.h>

struct Database {};
// Not a session type: the unit has no finding of its own.
Database *Shared = nullptr;
