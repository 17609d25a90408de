#include <pqxx/pqxx>

pqxx::connection *Global = nullptr
