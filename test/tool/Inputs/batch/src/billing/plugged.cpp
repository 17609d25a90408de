#include <pqxx/pqxx>

static pqxx::connection *Plugged = nullptr;
