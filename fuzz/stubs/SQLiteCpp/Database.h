#pragma once
#include <SQLiteCpp/SQLiteCpp.h>
