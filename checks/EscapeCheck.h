//===--- EscapeCheck.h - session-escape -----------------------------------===//

#ifndef SESSION_LINT_ESCAPECHECK_H
#define SESSION_LINT_ESCAPECHECK_H

#include "model/SessionCheck.h"

namespace clang::tidy::session {

/// R4: a scoped session never escapes its scope. Reports the address of a
/// local session (or of the session a local owner holds) stored where it
/// outlives the scope — a member, a global or static, the object behind a
/// parameter, a container of those; a lambda capturing it by reference that
/// is stored there, run by a detached thread, or run by `std::async` whose
/// future is returned or stored; and a pointer or reference to it returned.
///
/// For the user-facing documentation see docs/checks/session-escape.md
class EscapeCheck : public SessionCheck {
public:
  EscapeCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerUserCodeMatchers(UserCodeMatchers &Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkStore(const Expr *Target, const Expr *Value);
  void checkLambda(const LambdaExpr *Lambda, ASTContext &Context);
  void checkReturns(const FunctionDecl *Function);
  void checkReturn(const ReturnStmt *Return, const FunctionDecl *Function);
  void noteDeclaration(const VarDecl *Session);
};

} // namespace clang::tidy::session

#endif
