#pragma once
#include <cppdb/frontend.h>
