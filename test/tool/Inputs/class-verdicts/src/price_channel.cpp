#include "ledger/PriceChannel.h"

PriceChannel::PriceChannel() : Handle(nullptr) {}

PriceChannel::~PriceChannel() { PQfinish(Handle); }

bool PriceChannel::connect(const char *Info) {
  Handle = PQconnectdb(Info);
  return PQstatus(Handle) == CONNECTION_OK;
}

bool PriceChannel::archiveQuote(const char *Statement) const {
  PGresult *Result = PQexec(Handle, Statement);
  bool Ok = PQresultStatus(Result) == PGRES_COMMAND_OK;
  PQclear(Result);
  return Ok;
}
