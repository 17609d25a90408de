#include "ledger/Notifier.h"

Notifier::~Notifier() { PQfinish(Conn); }

void Notifier::tune(const char *Info) { Conn = PQconnectdb(Info); }

bool Notifier::shout(const std::string &Text) {
  PGresult *Result = PQexec(Conn, Text.c_str());
  bool Ok = PQresultStatus(Result) == PGRES_COMMAND_OK;
  PQclear(Result);
  return Ok;
}
