#pragma once
#include "ledger/ChannelBroker.h"

// Borrows a channel for one scope and gives it back when it ends: a lease,
// although what it borrows is a wrapper of the project's own, which only
// price_channel.cpp shows to be a session.
class ChannelLease {
public:
  ChannelLease(PriceChannel **Out, ChannelBroker *From)
      : Channel(From->acquire()), Pool(From) {
    *Out = Channel;
  }
  ~ChannelLease() {
    if (Channel)
      Pool->giveBack(Channel);
  }

private:
  PriceChannel *Channel;
  ChannelBroker *Pool;
};
