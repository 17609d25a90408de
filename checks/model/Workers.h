//===--- Workers.h - How many workers may ask for a connection at once ----===//
//
// Seed 004 §2 caps concurrent database work with a semaphore sized to the
// pool; the budget report compares a component's workers with its pools
// (more workers than connections queue until the pool's timeout; more
// connections than workers idle, yet count against max_connections). The
// deployment files can say how many workers a process runs; the sources say
// it too, and this file reads it from what the code does, never from names:
//
// * a thread pool constructed with a constant size:
//   `boost::asio::thread_pool Pool(8)` (its constructor's argument);
// * `QThreadPool::setMaxThreadCount(8)` called with a constant;
// * a `for` loop with a constant trip count whose body starts a thread: a
//   `std::thread`/`std::jthread` constructed with a function, or emplaced
//   into a container of them (`Threads.emplace_back(work)`);
// * a `std::counting_semaphore` with a constant initial count that a
//   function acquires before it uses a session or a pool: it caps the
//   workers that use the database at once, whatever their number.
//
// What it simplifies: a loop nested in another counts its own trip count
// only; a count that is not a compile-time constant is not reported (the
// deployment file's `threads` gives it); a semaphore counts only when the
// database work is in the same function (or lambda) as its acquire.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_WORKERS_H
#define SESSION_LINT_MODEL_WORKERS_H

#include "model/SessionModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <optional>

namespace clang::tidy::session {

/// The value of \p E when it is a non-negative compile-time constant.
std::optional<uint64_t> constantCount(const Expr *E, const ASTContext &Context);

/// The threads of a `boost::asio::thread_pool` construction with a constant
/// size; nothing for any other construction.
std::optional<uint64_t> threadPoolSize(const CXXConstructExpr *Construct,
                                       const ASTContext &Context);

/// How many times \p Loop runs when its bounds are constants:
/// `for (int I = A; I < B; ++I)` (also `<=`, `!=`, `I++`, `I += 1`).
std::optional<uint64_t> constantTripCount(const ForStmt *Loop,
                                          const ASTContext &Context);

/// The thread type (`std::thread`, `std::jthread`) whose thread \p Body
/// starts, outside nested loops and lambdas; empty when it starts none.
std::string threadStartedIn(const Stmt *Body);

/// A std::counting_semaphore's acquire and what it caps.
struct SemaphoreCap {
  /// The semaphore variable or member acquired.
  const ValueDecl *Semaphore = nullptr;
  uint64_t Count = 0;
  /// The first use of a session or a pool after the acquire in the same
  /// function or lambda: the database work it caps.
  const Expr *DatabaseWork = nullptr;
  QualType WorkType;
};

/// What \p Acquire (a call of `acquire`/`try_acquire*` on a
/// std::counting_semaphore) caps: set when the semaphore has a constant
/// initial count and the function that acquires it uses a session or a pool.
std::optional<SemaphoreCap> semaphoreCap(const CXXMemberCallExpr *Acquire,
                                         ASTContext &Context,
                                         SessionModel &Model);

} // namespace clang::tidy::session

#endif
