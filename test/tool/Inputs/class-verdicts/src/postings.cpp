#include "ledger/PostingBatch.h"

bool transfer(PGconn *Conn, int From, int To, long Cents) {
  PostingBatch Batch(Conn);
  if (!Batch.post(From, -Cents) || !Batch.post(To, Cents))
    return false;
  Batch.keep();
  return true;
}
