// The project's own header, named like a header of MySQL Connector/C++.
#pragma once
#include <libpq-fe.h>

class InvoiceArchive {
public:
  void archiveYear(int Year);

private:
  PGconn *Conn = nullptr;
};

class ArchiveLink {
public:
  explicit ArchiveLink(const char *Info) : Conn(PQconnectdb(Info)) {}
  ~ArchiveLink() { PQfinish(Conn); }
  PGconn *handle() const { return Conn; }

private:
  PGconn *Conn;
};
