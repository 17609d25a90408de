//===--- PoolBudgetCheck.h - session-pool-budget --------------------------===//

#ifndef SESSION_LINT_POOLBUDGETCHECK_H
#define SESSION_LINT_POOLBUDGETCHECK_H

#include "model/SessionCheck.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::session {

/// R6: every construction of a connection pool, with its capacity when it is
/// a compile-time constant — a remark, not a warning: the standalone tool
/// sums the capacities per process kind into the deployment's connection
/// budget (`session-lint --deployment`).
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
  /// Records that the expressions carrying \p Init's value initialize
  /// \p Initialized.
  void claim(const Expr *Init, const NamedDecl *Initialized);
  /// Claims for the variables of namespaces and classes, once.
  void claimOutsideFunctions(const DeclContext *Context,
                             const SourceManager &SM);

  llvm::DenseMap<const Expr *, const NamedDecl *> Claims;
  bool ClaimedOutsideFunctions = false;
};

} // namespace clang::tidy::session

#endif
