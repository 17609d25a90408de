#include "ledger/ChannelLease.h"

bool recordQuote(ChannelBroker &Pool, const char *Statement) {
  PriceChannel *Channel = nullptr;
  ChannelLease Lease(&Channel, &Pool);
  return Channel && Channel->archiveQuote(Statement);
}
