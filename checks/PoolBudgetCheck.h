//===--- PoolBudgetCheck.h - session-pool-budget --------------------------===//

#ifndef SESSION_LINT_POOLBUDGETCHECK_H
#define SESSION_LINT_POOLBUDGETCHECK_H

#include "model/SessionCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::session {

/// R6: every construction of a connection pool, with its capacity when it is
/// a compile-time constant — a remark, not a warning: the standalone tool
/// sums the capacities per process kind into the deployment's connection
/// budget (`session-lint --deployment`). Beside the pools, the workers per
/// process that may ask for a connection at once (model/Workers.h), as
/// remarks the budget compares with the pools.
///
/// For the user-facing documentation see docs/checks/session-pool-budget.md
class PoolBudgetCheck : public SessionCheck {
public:
  PoolBudgetCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerUserCodeMatchers(UserCodeMatchers &Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Reports a worker limit; true when the match was one, or a loop or
  /// call that is not.
  bool checkWorkers(const ast_matchers::MatchFinder::MatchResult &Result);
  llvm::DenseSet<const ValueDecl *> ReportedSemaphores;
};

} // namespace clang::tidy::session

#endif
