#include <pqxx/pqxx>

pqxx::connection *Broken = nullptr
int missingSemicolonAbove;
