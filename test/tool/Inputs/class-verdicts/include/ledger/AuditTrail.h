#pragma once
#include <libpq-fe.h>
#include <string>

// Driven by hand like FeedLink (open() and close(), no destructor), but its
// bodies (audit_trail.cpp) write its own table: a service.
class AuditTrail {
public:
  explicit AuditTrail(std::string Info) : Info(std::move(Info)) {}
  bool open();
  void close();
  bool record(const char *Who, const char *Amount);

private:
  std::string Info;
  PGconn *Conn = nullptr;
};
