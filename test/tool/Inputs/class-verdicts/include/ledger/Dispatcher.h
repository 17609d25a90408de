#pragma once
#include "ledger/FeedLink.h"

// Keeps that connection for its whole life.
class Dispatcher {
public:
  explicit Dispatcher(FeedLink *Link) : Link(Link) {}
  bool announce(int Account);

private:
  FeedLink *Link;
};
