//===--- StaticStorageCheck.cpp - session-static-storage ------------------===//

#include "StaticStorageCheck.h"
#include "model/Diagnostics.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::session {
namespace {

enum StorageKind {
  NamespaceScope,
  StaticDataMember,
  FunctionLocalStatic,
  ThreadLocal,
};

StorageKind storageOf(const VarDecl *Var) {
  if (Var->getTLSKind() != VarDecl::TLS_None)
    return ThreadLocal;
  if (Var->isStaticDataMember())
    return StaticDataMember;
  if (Var->isStaticLocal())
    return FunctionLocalStatic;
  return NamespaceScope;
}

/// Instantiations repeat their pattern's declaration: report the pattern.
bool isInstantiated(const VarDecl *Var) {
  if (isTemplateInstantiation(Var->getTemplateSpecializationKind()))
    return true;
  const auto *Function = dyn_cast<FunctionDecl>(Var->getDeclContext());
  return Function && Function->isTemplateInstantiation();
}

} // namespace

StaticStorageCheck::StaticStorageCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : SessionCheck(Name, Context, TypeOptions | ThreadLocalOptions) {}

void StaticStorageCheck::registerMatchers(MatchFinder *Finder) {
  if (!configured())
    return;
  Finder->addMatcher(
      varDecl(hasGlobalStorage(), unless(isExpansionInSystemHeader()))
          .bind("var"),
      this);
}

void StaticStorageCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Var = Result.Nodes.getNodeAs<VarDecl>("var");
  // One finding per variable: the out-of-line definition of a static data
  // member, or an `extern` redeclaration, is the same variable.
  if (Var != Var->getCanonicalDecl() || isInstantiated(Var) ||
      Var->isInvalidDecl() || Model.isLibraryCode(Var))
    return;
  StorageKind Kind = storageOf(Var);
  if (Kind == ThreadLocal && Config.AllowThreadLocal)
    return;
  std::optional<Holding> Held = Model.holding(Var->getType());
  if (!Held)
    return;

  if (Kind == ThreadLocal)
    diag(Var->getLocation(),
         "session %0 of type '%1' is a thread_local variable: every thread "
         "keeps its own session open until the thread ends; open it per unit "
         "of work in an RAII scope (set AllowThreadLocal to accept one "
         "session per thread)")
        << Var << spelledType(Var);
  else
    diag(Var->getLocation(),
         "session %0 of type '%1' is a %select{namespace-scope variable|static "
         "data member|function-local static}2: it stays open for the life of "
         "the process and every caller shares it; open it per unit of work in "
         "an RAII scope or take it as a parameter")
        << Var << spelledType(Var) << Kind;
  noteWhyItIsASession(*this, *Held);
}

} // namespace clang::tidy::session
