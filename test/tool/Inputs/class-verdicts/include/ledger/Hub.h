#pragma once
#include "ledger/Notifier.h"

// One per process: it keeps its Notifier for as long as the process lives.
class Hub {
public:
  static Hub &instance();
  void announce(const std::string &Text);

private:
  Hub() = default;
  Notifier Channel;
};
