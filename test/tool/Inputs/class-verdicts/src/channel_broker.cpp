#include "ledger/ChannelBroker.h"

void ChannelBroker::fill(int Count, const char *Info) {
  for (int I = 0; I < Count; ++I) {
    auto *Channel = new PriceChannel;
    Channel->connect(Info);
    Idle.push(Channel);
  }
}

PriceChannel *ChannelBroker::acquire() {
  if (Idle.empty())
    return nullptr;
  PriceChannel *Channel = Idle.front();
  Idle.pop();
  return Channel;
}

void ChannelBroker::giveBack(PriceChannel *Channel) { Idle.push(Channel); }
