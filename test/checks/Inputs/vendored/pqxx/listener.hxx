// A project that vendors a libpqxx extension outside the system paths: the
// library's own classes keep back-references to their connection by design.
#pragma once
#include <pqxx/pqxx>

namespace pqxx {
class notification_listener {
public:
  explicit notification_listener(connection_base &Conn) : Conn(Conn) {}
  void wait_for(int Seconds);

private:
  connection_base &Conn;
};
} // namespace pqxx
