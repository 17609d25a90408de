//===--- StaticStorageCheck.h - session-static-storage --------------------===//

#ifndef SESSION_LINT_STATICSTORAGECHECK_H
#define SESSION_LINT_STATICSTORAGECHECK_H

#include "ClangTidyCheck.h"
#include "model/SessionModel.h"
#include "model/SessionOptions.h"

namespace clang::tidy::session {

/// R3: a session never has static or thread storage duration. Reports
/// namespace-scope variables, static data members, function-local statics
/// (Meyers singletons) and thread_local variables that hold a session, once
/// per variable, at its first declaration.
///
/// For the user-facing documentation see docs/checks/session-static-storage.md
class StaticStorageCheck : public ClangTidyCheck {
public:
  StaticStorageCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  const SessionOptions Config;
  SessionModel Model;
};

} // namespace clang::tidy::session

#endif
