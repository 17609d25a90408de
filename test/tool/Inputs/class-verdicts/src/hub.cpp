#include "ledger/Hub.h"

Hub &Hub::instance() {
  static Hub Only;
  return Only;
}

void Hub::announce(const std::string &Text) { Channel.shout(Text); }
