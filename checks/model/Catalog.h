//===--- Catalog.h - The built-in table of database client libraries ------===//
//
// What counts as a session, a pool, a transaction guard, and which functions
// acquire and release a handle, for every client library session-lint knows
// (SPEC §3). Names are fully qualified, without a leading "::". A library can
// be switched off with the `Libraries` option; the entries here are data only,
// the matching lives in SessionOptions/TypeHolding.
//
// Record names and typedef names are both listed where a C API spells its
// handle through a typedef (`PGconn` is `struct pg_conn`, `SQLHDBC` is a
// `void *`): the type walk sees the typedef when the user wrote it, and the
// record when templates or `auto` dropped the sugar.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_CATALOG_H
#define SESSION_LINT_MODEL_CATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::session {

struct AcquireReleasePair {
  llvm::StringRef Acquire;
  llvm::StringRef Release;
};

struct LibraryEntry {
  llvm::StringRef Name;        // the value users write in `Libraries`
  llvm::StringRef DisplayName; // for docs and messages
  llvm::ArrayRef<llvm::StringRef> SessionTypes;
  llvm::ArrayRef<llvm::StringRef> TransactionGuards;
  llvm::ArrayRef<llvm::StringRef> Pools;
  llvm::ArrayRef<AcquireReleasePair> AcquireRelease;
  llvm::ArrayRef<llvm::StringRef> BeginFunctions;
  /// The RAII owner to suggest for a handle of this library.
  llvm::StringRef SuggestedOwner;
  /// Where the library's own code lives: namespaces ("pqxx") and header
  /// paths ("/hiredis/" anywhere in the path, or a file name "sqlite3.h").
  /// Its classes hold back-references to sessions by design and are never
  /// reported, also when a project vendors the library outside system paths.
  llvm::ArrayRef<llvm::StringRef> HomeNamespaces;
  llvm::ArrayRef<llvm::StringRef> HomeHeaders;
};

/// Every library of the catalog, in a fixed order.
llvm::ArrayRef<LibraryEntry> catalog();

/// The entry named \p Name, or nullptr.
const LibraryEntry *findLibrary(llvm::StringRef Name);

/// Classes of test frameworks whose instances live for one test: a fixture
/// holding a session is a unit of work, whatever library it uses.
llvm::ArrayRef<llvm::StringRef> frameworkScopeClasses();

} // namespace clang::tidy::session

#endif
