#pragma once
#include <libpq-fe.h>

// Borrows a connection for one scope: its constructor and destructor, in
// posting_batch.cpp, begin and end a transaction on it. postings.cpp sees
// only this declaration.
class PostingBatch {
public:
  explicit PostingBatch(PGconn *Borrowed);
  ~PostingBatch();
  bool post(int Account, long Cents);
  void keep();

private:
  PGconn *Conn;
  bool Kept = false;
};
