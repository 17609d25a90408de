#include <pqxx/pqxx>

int counter = 0;
void bump() {
++ counter;
}
pqxx::connection *Leaked = nullptr;
