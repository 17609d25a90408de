#pragma once
#include <libpq-fe.h>
#include <string>

// A connection class: notifier.cpp shows it opening its PGconn and running
// the text its callers pass; its member function names say nothing of that.
class Notifier {
public:
  ~Notifier();
  void tune(const char *Info);
  bool shout(const std::string &Text);

private:
  PGconn *Conn = nullptr;
};
