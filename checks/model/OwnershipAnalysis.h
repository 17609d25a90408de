//===--- OwnershipAnalysis.h - Is every acquired handle released? ---------===//
//
// A forward data-flow analysis over Clang's CFG of one function. For each
// subject that receives a freshly acquired session handle (see HandleUses.h)
// — a local variable; in a constructor, a data member of its class; a
// `T *&` out-parameter of a function that reports success with a bool — it
// tracks, at every point, which of these may hold: not yet acquired, owned
// (acquired and not yet released), done (released or handed on), known null
// (after `if (!h) return;`, or a failed result code). A leak is an exit the
// function can take while the handle is owned and no path reaching that exit
// has released it:
//   * a `return`, or falling off the end of the function (not for a member:
//     the object keeps it; for an out-parameter, only `return false`);
//   * a `throw`, and — in C++ — a call that may throw, by the handle's
//     ThrowPolicy (HandleUses.h): a manual release later in the function
//     does not run when an exception unwinds, and a constructor that throws
//     never runs its destructor;
//   * overwriting the variable, or re-entering its declaration in a loop.
// A handle handed straight to a call that returns it only on success
// (`mysql_real_connect(mysql_init(nullptr), …)`) is lost when it fails.
//
// What it gives up on, to stay precise: a handle that is aliased (copied to
// another local), captured by a lambda, has its address taken, or is passed
// to a function whose effect is unknown (no body in this translation unit,
// a non-library system function) is not tracked at all; nor is a member
// when the constructor calls a member function that may touch it or hands
// `this` out. Exits reached by paths that disagree (released on one, owned
// on another) are not reported, because such paths are often correlated by
// a condition the analysis does not follow. An exception raised inside a
// `try` block of the function reaches its handlers with the state at the
// throw. Calls to `noreturn` functions end the process, not a path.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_OWNERSHIPANALYSIS_H
#define SESSION_LINT_MODEL_OWNERSHIPANALYSIS_H

#include "model/HandleUses.h"
#include "clang/AST/Decl.h"
#include <vector>

namespace clang::tidy::session {

enum class LeakKind {
  Discarded,   // the handle is never stored
  Return,      // a return statement
  FunctionEnd, // falling off the end
  Throw,       // a throw expression
  MayThrow,    // a call that may throw
  Overwrite,   // the variable is overwritten
  Redeclared,  // a loop comes back to the variable's declaration
  LostOnFailure, // handed to a call that returns it only when it succeeds
};

struct Leak {
  Acquisition Acquired;
  /// The variable holding the handle (or the session whose transaction is
  /// open); null when Discarded.
  const ValueDecl *Handle = nullptr;
  LeakKind Kind = LeakKind::Discarded;
  /// Where the handle is leaked.
  SourceLocation Where;
  /// LostOnFailure: the call that loses it.
  const FunctionDecl *LostIn = nullptr;
};

/// Every acquisition in \p Function that leaks on some exit, with the first
/// leaking exit in source order. The CFG is built only for functions that
/// acquire something; nothing is reported for a handle that an expression
/// with errors names, nor in a body where such an expression may not return
/// (damagedExpressions), tested only when there is something to report.
std::vector<Leak> findLeaks(const FunctionDecl *Function, HandleUses &Uses);

/// Something opened and closed on a subject (a transaction on a session):
/// the same analysis, with events the caller classified.
struct FlowEvent {
  const Stmt *At = nullptr; // a statement of the function's CFG
  const ValueDecl *Subject = nullptr;
  UseKind Kind = UseKind::Borrow; // Acquire opens; Release or HandOn close
  std::optional<Acquisition> Opened;
};

/// True if a body has expressions clang could not make sense of: its paths
/// are not the program's, so the flow checks say nothing about it.
bool containsErrors(const Stmt *Body);

/// What the expressions of a body that clang could not make sense of name:
/// the declarations they refer to, and whether one may not return (a
/// `[[noreturn]]` function, an unresolved member call).
struct DamagedExpressions {
  llvm::DenseSet<const Decl *> Names;
  bool MayNotReturn = false;
};
DamagedExpressions damagedExpressions(const Stmt *Body);

/// Every opening in \p Events that some exit of \p Function leaves open.
std::vector<Leak> findUnclosed(const FunctionDecl *Function, HandleUses &Uses,
                               llvm::ArrayRef<FlowEvent> Events);

} // namespace clang::tidy::session

#endif
