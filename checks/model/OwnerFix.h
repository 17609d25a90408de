//===--- OwnerFix.h - The unique_ptr owner for a C handle, as a fix-it ----===//
//
// session-unscoped-acquire's fix-it: a C handle kept in a raw local and
// released by hand as the function's last statement becomes a
// `std::unique_ptr<T, decltype(&release)>` whose destructor releases it on
// every path out of the function, exceptions included:
//
//   PGconn *Conn = PQconnectdb(Info);     std::unique_ptr<PGconn,
//   if (PQstatus(Conn) != CONNECTION_OK)    decltype(&PQfinish)>
//     return -1;                            Conn(PQconnectdb(Info), &PQfinish);
//   ...                                   if (PQstatus(Conn.get()) != ...)
//   PQfinish(Conn);                         return -1;
//   return Count;                         ...
//                                         return Count;
//
// It is offered only where the rewrite keeps every other use's meaning: the
// variable is declared alone and initialized by the acquiring call; every use
// but the last release reads the pointer's value as a borrow (a library call's
// argument, a null test, `->`), so `.get()` gives it the same value; the
// release is the body's last statement, or is followed only by a `return`
// whose value has no side effects, so the owner's destructor runs where the
// release ran on the path that reached it. Anything else — a second release,
// the handle returned or handed on, its address taken, a capture, a macro —
// and no fix is offered (the warning stays; `--fix` counts it as not fixed).
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_OWNERFIX_H
#define SESSION_LINT_MODEL_OWNERFIX_H

#include "model/OwnershipAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>
#include <vector>

namespace clang::tidy::session {

struct OwnerFix {
  /// The edits in the function: the declaration, each `.get()`, the release.
  std::vector<FixItHint> Edits;
  /// Where `#include <memory>` is needed.
  FileID File;
};

/// The rewrite of \p Found's handle into a `std::unique_ptr` owner, when it
/// is mechanical (see above).
std::optional<OwnerFix> ownerFix(const FunctionDecl *Function,
                                 const Leak &Found, HandleUses &Uses,
                                 ASTContext &Context);

} // namespace clang::tidy::session

#endif
