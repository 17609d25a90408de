#pragma once
#include <libpq-fe.h>
#include <string>

// A connection whose life cycle its users drive by hand: open() and close(),
// no destructor. Its bodies (feed_link.cpp) show it: a wrapper.
class FeedLink {
public:
  explicit FeedLink(std::string Info) : Info(std::move(Info)) {}
  bool open();
  void close();
  bool send(const char *Sql);

private:
  std::string Info;
  PGconn *Conn = nullptr;
};
