#pragma once
#include <libpq-fe.h>

// Owns its connection; its destructor and statement runner are defined in
// price_channel.cpp: a wrapper there, and in a batch everywhere.
class PriceChannel {
public:
  PriceChannel();
  ~PriceChannel();
  bool connect(const char *Info);
  bool archiveQuote(const char *Statement) const;

private:
  PGconn *Handle;
};
