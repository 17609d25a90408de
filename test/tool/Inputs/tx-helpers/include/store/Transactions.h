#pragma once
#include <libpq-fe.h>

bool BeginTransaction(PGconn *Conn);
bool CommitTransaction(PGconn *Conn);
bool RollbackTransaction(PGconn *Conn);
bool RunStatement(PGconn *Conn, const char *Sql) noexcept;
// Named like a begin; its body only reads.
bool BeginReport(PGconn *Conn);
