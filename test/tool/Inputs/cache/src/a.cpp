#include "db.h"

app::Db *InA = nullptr;
