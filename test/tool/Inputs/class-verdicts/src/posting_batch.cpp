#include "ledger/PostingBatch.h"
#include <string>

PostingBatch::PostingBatch(PGconn *Borrowed) : Conn(Borrowed) {
  PQclear(PQexec(Conn, "BEGIN"));
}

PostingBatch::~PostingBatch() {
  PQclear(PQexec(Conn, Kept ? "COMMIT" : "ROLLBACK"));
}

bool PostingBatch::post(int Account, long Cents) {
  std::string Statement = "INSERT INTO postings VALUES (" +
                          std::to_string(Account) + ", " +
                          std::to_string(Cents) + ")";
  PGresult *Result = PQexec(Conn, Statement.c_str());
  bool Ok = PQresultStatus(Result) == PGRES_COMMAND_OK;
  PQclear(Result);
  return Ok;
}

void PostingBatch::keep() { Kept = true; }
