#include "db.h"

app::Db *InBroken = nullptr
