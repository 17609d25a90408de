//===--- PoolBudgetCheck.cpp - session-pool-budget ------------------------===//

#include "PoolBudgetCheck.h"
#include "model/Literals.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::session {
namespace {

/// The capacity argument of the catalog's pool constructors.
std::optional<unsigned> catalogCapacityArgument(llvm::StringRef Pool) {
  return llvm::StringSwitch<std::optional<unsigned>>(Pool)
      .Case("soci::connection_pool", 0u)  // connection_pool(size)
      .Case("Poco::Data::SessionPool", 3u) // (..., min, max = 32, ...)
      .Default(std::nullopt);
}

/// cppdb pools are sized by the connection string: "...;@pool_size=N".
std::optional<uint64_t> cppdbPoolSize(const Expr *ConnectionString) {
  const StringLiteral *Literal = stringLiteralIn(ConnectionString);
  if (!Literal)
    return std::nullopt;
  llvm::StringRef Text = Literal->getString();
  size_t At = Text.find("@pool_size=");
  if (At == llvm::StringRef::npos)
    return std::nullopt;
  uint64_t Size = 0;
  llvm::StringRef Digits =
      Text.drop_front(At + strlen("@pool_size=")).take_while(llvm::isDigit);
  if (Digits.getAsInteger(10, Size))
    return std::nullopt;
  return Size;
}

/// The variable or member a pool construction initializes, if any, by the
/// translation unit's parent map: building that map costs a walk of the
/// whole translation unit, system headers included (a fifth of the parse of
/// a file that includes POCO), so it is the fallback of the claims below.
const NamedDecl *initializedBy(const Expr *Construction, ASTContext &Context) {
  DynTypedNodeList Parents = Context.getParents(*Construction);
  for (unsigned Depth = 0; Depth < 6 && Parents.size() == 1; ++Depth) {
    if (const auto *Var = Parents[0].get<VarDecl>())
      return Var;
    if (const auto *Init = Parents[0].get<CXXCtorInitializer>())
      return Init->getMember();
    if (!Parents[0].get<Expr>())
      return nullptr;
    Parents = Context.getParents(Parents[0]);
  }
  return nullptr;
}

/// The expression an initializer's value passes through without being
/// anything else (the same single-parent nodes initializedBy walks up
/// through), or null. A lifetime-extended temporary is the parent map's
/// child of a declaration, so the walk stops there as initializedBy does.
const Expr *carrierChild(const Expr *E) {
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    return Cleanups->getSubExpr();
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return Bind->getSubExpr();
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
    return Cast->getSubExpr();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
    return Cast->getSubExpr();
  if (const auto *Paren = dyn_cast<ParenExpr>(E))
    return Paren->getSubExpr();
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
    return Temporary->getLifetimeExtendedTemporaryDecl()
               ? nullptr
               : Temporary->getSubExpr();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() == 1 ? Construct->getArg(0) : nullptr;
  return nullptr;
}

/// True if \p D is in no template, pattern or instantiation: an
/// instantiation may share the pattern's non-dependent expressions, which
/// then have two parents, and initializedBy answers null for those.
bool outsideTemplates(const Decl *D) {
  if (const auto *Var = dyn_cast<VarDecl>(D);
      Var && isTemplateInstantiation(Var->getTemplateSpecializationKind()))
    return false;
  for (const DeclContext *Context = D->getDeclContext(); Context;
       Context = Context->getParent()) {
    if (Context->isDependentContext())
      return false;
    if (const auto *Function = dyn_cast<FunctionDecl>(Context);
        Function && Function->isTemplateInstantiation())
      return false;
    if (const auto *Class = dyn_cast<CXXRecordDecl>(Context);
        Class &&
        isTemplateInstantiation(Class->getTemplateSpecializationKind()))
      return false;
  }
  return true;
}

// The matchers, one predicate each (see SessionCheck.h): constructions and
// calls are among the most frequent nodes of a translation unit.

const SourceManager &sourceManager(ast_matchers::internal::ASTMatchFinder *F) {
  return F->getASTContext().getSourceManager();
}

/// cxxConstructExpr(unless(isExpansionInSystemHeader()),
///                  hasDeclaration(cxxConstructorDecl(
///                      unless(isCopyConstructor()),
///                      unless(isMoveConstructor()))))
AST_MATCHER(CXXConstructExpr, isUserConstruction) {
  const CXXConstructorDecl *Constructor = Node.getConstructor();
  return Constructor && !Constructor->isCopyConstructor() &&
         !Constructor->isMoveConstructor() &&
         !inSystemHeader(Node.getBeginLoc(), sourceManager(Finder));
}

/// callExpr(unless(isExpansionInSystemHeader()), callee(functionDecl(
///     hasAnyName("::cppdb::pool::create", "::std::make_unique",
///                "::std::make_shared")))): the unqualified name first, then
/// the same hasAnyName matcher on the few calls it lets through.
AST_MATCHER_P(CallExpr, isUserPoolFactoryCall,
              ast_matchers::internal::Matcher<NamedDecl>, Names) {
  const auto *Callee = dyn_cast_or_null<FunctionDecl>(Node.getCalleeDecl());
  if (!Callee || !Callee->getIdentifier())
    return false;
  llvm::StringRef Name = Callee->getName();
  if (Name != "create" && Name != "make_unique" && Name != "make_shared")
    return false;
  return Names.matches(*Callee, Finder, Builder) &&
         !inSystemHeader(Node.getBeginLoc(), sourceManager(Finder));
}

/// Does \p Init carry a construction or a call within the six levels
/// initializedBy looks through?
bool carriesConstruction(const Expr *Init) {
  for (unsigned Depth = 0; Init && !isa<CXXConstructExpr, CallExpr>(Init);
       ++Depth)
    Init = Depth < 5 ? carrierChild(Init) : nullptr;
  return Init != nullptr;
}

/// A variable whose initializer may carry a pool construction, outside
/// templates and system headers: see PoolBudgetCheck::claim.
bool mayBeConstructedVariable(const Decl *D, const SourceManager &SM) {
  const auto *Var = dyn_cast<VarDecl>(D);
  return Var && !isa<ParmVarDecl>(Var) && carriesConstruction(Var->getInit()) &&
         !inSystemHeader(Var->getBeginLoc(), SM) && outsideTemplates(Var);
}

/// A declaration statement with such a variable. (Not varDecl(): that
/// matcher would be tried on every variable and parameter of the
/// translation unit; variables outside functions are found by
/// PoolBudgetCheck::claimOutsideFunctions.)
AST_MATCHER(DeclStmt, mayDeclareConstructedVariable) {
  return llvm::any_of(Node.decls(), [&](const Decl *D) {
    return mayBeConstructedVariable(D, sourceManager(Finder));
  });
}

} // namespace

PoolBudgetCheck::PoolBudgetCheck(StringRef Name, ClangTidyContext *Context)
    : SessionCheck(Name, Context, TypeOptions | PoolBudgetOptions) {}

void PoolBudgetCheck::registerUserCodeMatchers(UserCodeMatchers &Finder) {
  Finder.addMatcher(cxxConstructExpr(isUserConstruction()).bind("construct"));
  // cppdb::pool::create(...), and std::make_unique<Pool>(n) (whose
  // constructor call is inside the library): one matcher for both, told
  // apart in check().
  Finder.addMatcher(callExpr(isUserPoolFactoryCall(hasAnyName(
                                 "::cppdb::pool::create", "::std::make_unique",
                                 "::std::make_shared")))
                        .bind("call"));
  // The variables constructions initialize, matched before the
  // constructions inside them (see claim). A constructor's member
  // initializers are left to initializedBy, which names no member there.
  Finder.addMatcher(declStmt(mayDeclareConstructedVariable()).bind("decls"));
}

void PoolBudgetCheck::claimOutsideFunctions(const DeclContext *Context,
                                            const SourceManager &SM) {
  // Namespaces and classes of the user's code: no function bodies, and no
  // system header (a construction there is never reported).
  for (const Decl *D : Context->decls()) {
    if (isa<NamespaceDecl, LinkageSpecDecl, CXXRecordDecl>(D) &&
        !inSystemHeader(D->getBeginLoc(), SM))
      claimOutsideFunctions(cast<DeclContext>(D), SM);
    else if (mayBeConstructedVariable(D, SM))
      claim(cast<VarDecl>(D)->getInit(), cast<VarDecl>(D));
  }
}

void PoolBudgetCheck::claim(const Expr *Init, const NamedDecl *Initialized) {
  // What initializedBy would find walking up from a construction within
  // six levels of \p Init, found walking down: the MatchFinder visits a
  // declaration before the expressions inside it, so check() sees these
  // claims before the constructions.
  for (unsigned Depth = 0; Init && Depth < 6; ++Depth) {
    Claims[Init] = Initialized;
    Init = carrierChild(Init);
  }
}

void PoolBudgetCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Decls = Result.Nodes.getNodeAs<DeclStmt>("decls")) {
    for (const Decl *D : Decls->decls())
      if (mayBeConstructedVariable(D, *Result.SourceManager))
        claim(cast<VarDecl>(D)->getInit(), cast<VarDecl>(D));
    return;
  }
  std::optional<uint64_t> Capacity;
  enum { NotConstant, NoPoolSize, NoArgument } Unknown = NotConstant;
  std::string Type;
  const Expr *Construction = nullptr;
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  bool IsCppdb = Call && Call->getDirectCallee()->getName() == "create";
  if (const auto *Create = IsCppdb ? Call : nullptr) {
    if (Create->getNumArgs() >= 1)
      Capacity = cppdbPoolSize(Create->getArg(0));
    Type = "cppdb::pool";
    Unknown = NoPoolSize;
    Construction = Create;
  } else {
    // A constructor call, or make_unique/make_shared with its arguments.
    const Expr *Construct = nullptr;
    const CXXRecordDecl *Class = nullptr;
    llvm::ArrayRef<const Expr *> Args;
    if (const auto *Make = Call) {
      const auto *Callee = Make->getDirectCallee();
      const TemplateArgumentList *Template =
          Callee ? Callee->getTemplateSpecializationArgs() : nullptr;
      if (!Template || Template->size() == 0 ||
          Template->get(0).getKind() != TemplateArgument::Type)
        return;
      Class = Template->get(0).getAsType()->getAsCXXRecordDecl();
      Construct = Make;
      Args = llvm::ArrayRef(Make->getArgs(), Make->getNumArgs());
    } else {
      const auto *Constructed =
          Result.Nodes.getNodeAs<CXXConstructExpr>("construct");
      // A template's own construction is reported per instantiation.
      if (Constructed->isInstantiationDependent())
        return;
      Class = Constructed->getConstructor()->getParent();
      Construct = Constructed;
      Args = llvm::ArrayRef(Constructed->getArgs(), Constructed->getNumArgs());
    }
    if (!Class)
      return;
    // Catalog and configured pools: a pool recognised by its shape has no
    // known capacity argument.
    if (!Config.PoolTypes.matches(Model.qualifiedName(Class)))
      return;
    Type = Model.qualifiedName(Class);
    std::optional<unsigned> Argument = catalogCapacityArgument(Type);
    for (const auto &[User, Index] : Config.PoolCapacityArguments)
      if (User == Type)
        Argument = Index;
    if (!Argument)
      Unknown = NoArgument;
    Expr::EvalResult Value;
    if (Argument && *Argument < Args.size() &&
        Args[*Argument]->EvaluateAsInt(Value, *Result.Context) &&
        Value.Val.getInt().isNonNegative())
      Capacity = Value.Val.getInt().getZExtValue();
    Construction = Construct;
  }
  auto Claimed = Claims.find(Construction);
  if (Claimed == Claims.end() && !ClaimedOutsideFunctions) {
    ClaimedOutsideFunctions = true;
    claimOutsideFunctions(Result.Context->getTranslationUnitDecl(),
                          *Result.SourceManager);
    Claimed = Claims.find(Construction);
  }
  const NamedDecl *Name = Claimed != Claims.end()
                              ? Claimed->second
                              : initializedBy(Construction, *Result.Context);
  if (Capacity)
    diag(Construction->getBeginLoc(),
         "connection pool %select{|%1 }0of type '%2' holds up to %3 "
         "connections per process",
         DiagnosticIDs::Remark)
        << (Name != nullptr) << Name << Type << *Capacity;
  else
    diag(Construction->getBeginLoc(),
         "connection pool %select{|%1 }0of type '%2' has an unknown capacity "
         "(%select{not a compile-time constant|no '@pool_size' in a literal "
         "connection string|no capacity argument in PoolCapacityArguments}3); "
         "give it in the deployment file",
         DiagnosticIDs::Remark)
        << (Name != nullptr) << Name << Type << Unknown;
}

} // namespace clang::tidy::session
