#include <pqxx/pqxx>

pqxx::connection *Orphan = nullptr;
int broken( {
