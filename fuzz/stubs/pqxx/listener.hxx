#pragma once
#include <pqxx/pqxx>
