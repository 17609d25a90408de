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

/// The template instantiation \p Var belongs to, if any: a static data
/// member or variable template, or a static local of a function template.
const NamedDecl *instantiationOf(const VarDecl *Var,
                                 SourceLocation &PointOfInstantiation) {
  if (isTemplateInstantiation(Var->getTemplateSpecializationKind())) {
    PointOfInstantiation = Var->getPointOfInstantiation();
    return Var;
  }
  const auto *Function = dyn_cast<FunctionDecl>(Var->getDeclContext());
  if (Function && Function->isTemplateInstantiation()) {
    PointOfInstantiation = Function->getPointOfInstantiation();
    return Function;
  }
  return nullptr;
}

/// One finding per variable: a static data member at its declaration in the
/// class; a namespace-scope variable at its definition (an `extern`
/// declaration in a header is not the variable's home), the first one when C
/// has several tentative definitions.
bool isReportedDeclaration(const VarDecl *Var) {
  if (Var->isStaticDataMember())
    return Var == Var->getCanonicalDecl();
  if (Var->isThisDeclarationADefinition() == VarDecl::DeclarationOnly)
    return false;
  for (const VarDecl *Previous = Var->getPreviousDecl(); Previous;
       Previous = Previous->getPreviousDecl())
    if (Previous->isThisDeclarationADefinition() != VarDecl::DeclarationOnly)
      return false;
  return true;
}

/// varDecl(hasGlobalStorage(), unless(isExpansionInSystemHeader())), as one
/// predicate (see SessionCheck.h).
AST_MATCHER(VarDecl, isUserGlobalStorage) {
  return Node.hasGlobalStorage() &&
         !inSystemHeader(Node.getBeginLoc(),
                         Finder->getASTContext().getSourceManager());
}

} // namespace

StaticStorageCheck::StaticStorageCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : SessionCheck(Name, Context,
                   TypeOptions | ScopeClassOptions | ThreadLocalOptions),
      MemberCheckEnabled(Context->isCheckEnabled("session-member-storage")) {}

bool StaticStorageCheck::isSingletonInstance(const VarDecl *Var) {
  // One finding per problem: session-member-storage reports a singleton's
  // session at its member, with a note at the instance.
  if (!MemberCheckEnabled)
    return false;
  const CXXRecordDecl *Class = SessionModel::instanceClass(Var->getType());
  return Class && Model.singletonEvidence(Class);
}

void StaticStorageCheck::registerUserCodeMatchers(UserCodeMatchers &Finder) {
  Finder.addMatcher(varDecl(isUserGlobalStorage()).bind("var"));
}

void StaticStorageCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Var = Result.Nodes.getNodeAs<VarDecl>("var");
  // One finding per variable: the out-of-line definition of a static data
  // member, or an `extern` redeclaration, is the same variable.
  if (!isReportedDeclaration(Var) || Var->isInvalidDecl() ||
      Model.isThirdParty(Var))
    return;
  // An instantiation repeats its template, which was checked as written;
  // only a type spelled with a template parameter is new here.
  SourceLocation PointOfInstantiation;
  const NamedDecl *Instantiation = instantiationOf(Var, PointOfInstantiation);
  const auto *Class = dyn_cast<CXXRecordDecl>(Var->getDeclContext());
  if (Instantiation &&
      (!SessionModel::spelledWithTemplateArgument(Var->getType()) ||
       (Class && SessionModel::isHolderTemplate(Class))))
    return;
  StorageKind Kind = storageOf(Var);
  if (Kind == ThreadLocal && Config.AllowThreadLocal)
    return;
  std::optional<Holding> Held = Model.holding(Var->getType());
  if (!Held || isSingletonInstance(Var))
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
  std::vector<RoleDependence> Dependences;
  Model.addSessionDependence(Dependences, *Held);
  noteDependences(*this, Var->getLocation(), std::move(Dependences),
                  /*HeldBack=*/false);
  noteWhyItIsASession(*this, *Held);
  if (Instantiation)
    noteInstantiation(*this, PointOfInstantiation, Instantiation);
}

} // namespace clang::tidy::session
