#pragma once
#include <cppconn/driver.h>
