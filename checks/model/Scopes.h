//===--- Scopes.h - Scoped sessions and the places that outlive them ------===//
//
// For session-escape (R4): which expressions hand out the address of a
// session owned by a local scope (`&conn`, `owner.get()`, `*owner`), and
// which storage outlives the function (a member of `this`, a global or
// static, the object behind a reference or pointer parameter, a container or
// field of one of those). The address may travel through a local pointer
// first (`Session *P = &conn; return P;`) or an init-capture
// (`[db = owner.get()]`). Both answers are conservative: an expression the
// walk does not understand is neither a scoped session nor a longer-lived
// place, so nothing is reported for it.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_SCOPES_H
#define SESSION_LINT_MODEL_SCOPES_H

#include "model/SessionModel.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::session {

/// A local variable whose type holds a session by value or through an owning
/// smart pointer: the session dies with the scope.
bool isScopedSession(const VarDecl *Var, SessionModel &Model);

/// The scoped session whose address (or a reference to which) \p E yields:
/// `&conn`, `owner.get()`, `&*owner`, `*owner`, or a local pointer that
/// holds one of those (pointedScopedSession); with \p AllowReference, also
/// `conn` itself where it binds to a reference.
const VarDecl *addressedScopedSession(const Expr *E, SessionModel &Model,
                                      bool AllowReference);

/// The scoped session a local pointer points at: initialized with its
/// address (`Session *P = &conn;`, `= owner.get()`) in the same function,
/// and never written again (no assignment, no address taken, no non-const
/// reference bound to it) — otherwise it may point elsewhere by the time it
/// escapes, and nothing is said.
const VarDecl *pointedScopedSession(const VarDecl *Pointer,
                                    SessionModel &Model);

/// The scoped session an init-capture (`[db = owner.get()]`,
/// `[&s = conn]`) holds the address of, or refers to.
const VarDecl *initCapturedScopedSession(const VarDecl *Capture,
                                         SessionModel &Model);

/// The storage \p Target names, when it outlives the function: the member,
/// global, static or parameter at its root; null when it is local or not
/// understood.
const ValueDecl *longerLivedRoot(const Expr *Target);

} // namespace clang::tidy::session

#endif
