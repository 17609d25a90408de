//===--- StaticStorageCheck.h - session-static-storage --------------------===//

#ifndef SESSION_LINT_STATICSTORAGECHECK_H
#define SESSION_LINT_STATICSTORAGECHECK_H

#include "model/SessionCheck.h"

namespace clang::tidy::session {

/// R3: a session never has static or thread storage duration. Reports
/// namespace-scope variables, static data members, function-local statics
/// (Meyers singletons) and thread_local variables that hold a session, once
/// per variable, at its first declaration.
///
/// For the user-facing documentation see docs/checks/session-static-storage.md
class StaticStorageCheck : public SessionCheck {
public:
  StaticStorageCheck(StringRef Name, ClangTidyContext *Context);
  void registerUserCodeMatchers(UserCodeMatchers &Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// True for a singleton's own instance, whose session member
  /// session-member-storage reports.
  bool isSingletonInstance(const VarDecl *Var);
  const bool MemberCheckEnabled;
};

} // namespace clang::tidy::session

#endif
