//===--- SqlText.h - Does SQL text name the application's own tables ------===//
//
// A class that runs SQL of its own domain is a service; a class that runs
// SQL text its callers hand in is a session wrapper (SPEC §2). This tells the
// first kind of text from everything else a session class writes: a
// statement that reads or writes a table by name (`SELECT title FROM songs`,
// `UPDATE tickets SET ...`, `INSERT INTO daily ...`, `CREATE TABLE kv`), or a
// fragment of one that starts a clause on a table (`" FROM users WHERE "`).
// Not domain text: transaction control, `SELECT 1`, `SELECT version()`,
// settings (`SET`, `PRAGMA`), maintenance (`VACUUM`), the server's own
// catalogs (`pg_*`, `information_schema`, `sqlite_master`), and prose such as
// error messages ("failed to update user"): a statement verb must open the
// text and the clause that names the table must be complete.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_SQLTEXT_H
#define SESSION_LINT_MODEL_SQLTEXT_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::tidy::session {

/// The table \p Text reads or writes, if it is SQL naming one of the
/// application's tables; empty otherwise.
std::string domainTableIn(llvm::StringRef Text);

/// Whether \p Text creates or drops the table it names (`CREATE [TEMP]
/// TABLE`, `DROP TABLE`): a table a function creates and drops again is its
/// scratch space, not the application's data.
enum class TableChange { None, Creates, Drops };
TableChange tableChangeIn(llvm::StringRef Text);

/// The table the query inside a statement reads (`INSERT INTO t SELECT …
/// FROM orders`, `CREATE TABLE t AS SELECT … FROM orders`), if it is one of
/// the application's; empty otherwise.
std::string sourceTableIn(llvm::StringRef Text);

} // namespace clang::tidy::session

#endif
