//===--- UserCodeMatching.cpp - Matchers run over the user's code only ----===//

#include "model/UserCodeMatching.h"
#include "model/SessionCheck.h"
#include "llvm/ADT/DenseMap.h"
#include <mutex>

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

std::shared_ptr<UserCodeMatchFinder>
UserCodeMatchFinder::forEngine(ast_matchers::MatchFinder &Engine) {
  // Keyed by the engine, which lives as long as the checks holding the
  // finder (both belong to the unit's consumer); an expired entry is a unit
  // that is gone. Units are built on several threads in clangd.
  static std::mutex Mutex;
  static llvm::DenseMap<const ast_matchers::MatchFinder *,
                        std::weak_ptr<UserCodeMatchFinder>>
      Shared;
  std::lock_guard<std::mutex> Lock(Mutex);
  if (auto Existing = Shared.lookup(&Engine).lock())
    return Existing;
  for (auto It = Shared.begin(); It != Shared.end();) {
    auto Next = std::next(It);
    if (It->second.expired())
      Shared.erase(It);
    It = Next;
  }
  auto Created = std::make_shared<UserCodeMatchFinder>();
  Shared[&Engine] = Created;
  Engine.addMatcher(ast_matchers::translationUnitDecl(), Created.get());
  return Created;
}

void UserCodeMatchFinder::run(
    const ast_matchers::MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  std::vector<Decl *> Scope = Context.getTraversalScope();
  std::vector<Decl *> UserScope = userCodeScope(Context);
  // Setting a scope drops the parent map; session-lint has already narrowed
  // it (UnitAnalysis.cpp), so there is nothing to change.
  if (UserScope == Scope) {
    Finder.matchAST(Context);
    return;
  }
  Context.setTraversalScope(UserScope);
  Finder.matchAST(Context);
  Context.setTraversalScope(Scope);
}

} // namespace clang::tidy::session
