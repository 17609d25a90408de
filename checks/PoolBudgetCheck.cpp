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

/// The variable or member a pool construction initializes, if any. The
/// parent map is built over the checks' traversal scope, the user's code
/// (UserCodeMatching.h), and only for a unit that constructs a pool.
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
}

void PoolBudgetCheck::check(const MatchFinder::MatchResult &Result) {
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
  const NamedDecl *Name = initializedBy(Construction, *Result.Context);
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
