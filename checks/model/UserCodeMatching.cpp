//===--- UserCodeMatching.cpp - Matchers run over the user's code only ----===//

#include "model/UserCodeMatching.h"
#include "model/SessionCheck.h"

namespace clang::tidy::session {
namespace {

/// Both ends in system headers: a declaration with any user code in it (a
/// user macro's expansion, an included user file) is kept.
bool whollyInSystemHeaders(const Decl *D, const SourceManager &SM) {
  return inSystemHeader(D->getBeginLoc(), SM) &&
         inSystemHeader(D->getEndLoc(), SM);
}

} // namespace

std::vector<Decl *> userCodeScope(ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  std::vector<Decl *> UserScope;
  auto Keep = [&](Decl *D) {
    if (!whollyInSystemHeaders(D, SM))
      UserScope.push_back(D);
  };
  for (Decl *D : Context.getTraversalScope()) {
    if (auto *Unit = dyn_cast<TranslationUnitDecl>(D))
      llvm::for_each(Unit->decls(), Keep);
    else
      Keep(D);
  }
  return UserScope;
}

void UserCodeMatchFinder::match(ASTContext &Context) {
  std::vector<Decl *> Scope = Context.getTraversalScope();
  // Narrowing the scope also drops the parent map; it is built lazily, and
  // the checks build it only where a question needs it.
  Context.setTraversalScope(userCodeScope(Context));
  Finder.matchAST(Context);
  Context.setTraversalScope(Scope);
}

} // namespace clang::tidy::session
