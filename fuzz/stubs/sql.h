#pragma once
#include <sqlext.h>
