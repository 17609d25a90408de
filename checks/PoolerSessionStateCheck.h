//===--- PoolerSessionStateCheck.h - session-pooler-session-state ---------===//

#ifndef SESSION_LINT_POOLERSESSIONSTATECHECK_H
#define SESSION_LINT_POOLERSESSIONSTATECHECK_H

#include "model/PoolMode.h"
#include "model/SessionCheck.h"
#include "model/Transactions.h"

namespace clang::tidy::session {

/// R6's other side: behind a pooler in transaction (or statement) mode,
/// code that leaves state on its server connection beyond one transaction —
/// session-level SET, named prepared statements, LISTEN, session-level
/// advisory locks — loses it, or hands it to another client. Active only
/// when PoolMode says the pooler lends per transaction (session-lint sets
/// it from the deployment's pgbouncer.ini).
///
/// For the user-facing documentation see
/// docs/checks/session-pooler-session-state.md
class PoolerSessionStateCheck : public SessionCheck {
public:
  PoolerSessionStateCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerUserCodeMatchers(UserCodeMatchers &Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// A library call that creates a named prepared statement: its name.
  std::optional<std::string> preparedByLibrary(const CallExpr *Call);
  /// "session", "transaction" or "statement"; nothing when invalid.
  const std::optional<std::string> PoolMode;
  Transactions Tx;
};

} // namespace clang::tidy::session

#endif
