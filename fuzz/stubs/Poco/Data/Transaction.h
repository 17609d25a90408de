#pragma once
#include <Poco/Data/Session.h>
