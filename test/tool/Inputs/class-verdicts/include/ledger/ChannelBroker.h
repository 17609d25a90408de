#pragma once
#include "ledger/PriceChannel.h"
#include <queue>

// Lends channels and takes them back; every body is in channel_broker.cpp.
class ChannelBroker {
public:
  void fill(int Count, const char *Info);
  PriceChannel *acquire();
  void giveBack(PriceChannel *Channel);

private:
  std::queue<PriceChannel *> Idle;
};
