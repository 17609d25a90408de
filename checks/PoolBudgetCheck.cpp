//===--- PoolBudgetCheck.cpp - session-pool-budget ------------------------===//

#include "PoolBudgetCheck.h"
#include "model/Literals.h"
#include "model/Workers.h"
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

/// forStmt(unless(isExpansionInSystemHeader()))
AST_MATCHER(ForStmt, isUserLoop) {
  return !inSystemHeader(Node.getBeginLoc(), sourceManager(Finder));
}

/// cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName("setMaxThreadCount",
///     "acquire", "try_acquire", ...))), unless(isExpansionInSystemHeader()))
AST_MATCHER(CXXMemberCallExpr, isWorkerLimitCall) {
  const CXXMethodDecl *Method = Node.getMethodDecl();
  if (!Method || !Method->getIdentifier())
    return false;
  llvm::StringRef Name = Method->getName();
  return (Name == "setMaxThreadCount" || Name.starts_with("acquire") ||
          Name.starts_with("try_acquire")) &&
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
  // Workers per process (Workers.h): thread loops, QThreadPool's limit and
  // semaphores capping database work.
  Finder.addMatcher(forStmt(isUserLoop()).bind("loop"));
  Finder.addMatcher(cxxMemberCallExpr(isWorkerLimitCall()).bind("limit"));
}

bool PoolBudgetCheck::checkWorkers(const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  if (const auto *Loop = Result.Nodes.getNodeAs<ForStmt>("loop")) {
    std::string Thread = threadStartedIn(Loop->getBody());
    if (Thread.empty())
      return true;
    if (std::optional<uint64_t> Trips = constantTripCount(Loop, Context))
      diag(Loop->getBeginLoc(),
           "loop starts %0 workers per process, each a '%1'",
           DiagnosticIDs::Remark)
          << static_cast<unsigned>(*Trips) << Thread;
    return true;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>("limit")) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method->getName() != "setMaxThreadCount") {
      std::optional<SemaphoreCap> Cap = semaphoreCap(Call, Context, Model);
      if (!Cap || !ReportedSemaphores.insert(Cap->Semaphore).second)
        return true;
      diag(Cap->Semaphore->getLocation(),
           "semaphore '%0' of type '%1' lets %2 workers per process use the "
           "database at once",
           DiagnosticIDs::Remark)
          << Cap->Semaphore->getName()
          << Cap->Semaphore->getType().getUnqualifiedType().getAsString(
                 Context.getPrintingPolicy())
          << static_cast<unsigned>(Cap->Count);
      diag(Cap->DatabaseWork->getBeginLoc(),
           "database work ('%0') after the semaphore is acquired",
           DiagnosticIDs::Note)
          << Cap->WorkType.getUnqualifiedType().getAsString(
                 Context.getPrintingPolicy());
      return true;
    }
    if (Method->getParent()->getQualifiedNameAsString() != "QThreadPool" ||
        Call->getNumArgs() != 1)
      return true;
    std::optional<uint64_t> Threads = constantCount(Call->getArg(0), Context);
    if (!Threads || *Threads == 0)
      return true;
    const Expr *Object = Call->getImplicitObjectArgument()->IgnoreParenImpCasts();
    const auto *Ref = dyn_cast<DeclRefExpr>(Object);
    diag(Call->getBeginLoc(),
         "thread pool %select{|'%1' }0of type 'QThreadPool' runs up to %2 "
         "workers per process (setMaxThreadCount)",
         DiagnosticIDs::Remark)
        << (Ref != nullptr) << (Ref ? Ref->getDecl()->getName() : "")
        << static_cast<unsigned>(*Threads);
    return true;
  }
  const auto *Constructed = Result.Nodes.getNodeAs<CXXConstructExpr>("construct");
  if (!Constructed || Constructed->isInstantiationDependent())
    return false;
  std::optional<uint64_t> Threads = threadPoolSize(Constructed, Context);
  if (!Threads)
    return false;
  const NamedDecl *Name = initializedBy(Constructed, Context);
  diag(Constructed->getBeginLoc(),
       "thread pool %select{|%1 }0of type 'boost::asio::thread_pool' runs %2 "
       "workers per process",
       DiagnosticIDs::Remark)
      << (Name != nullptr) << Name << static_cast<unsigned>(*Threads);
  return true;
}

void PoolBudgetCheck::check(const MatchFinder::MatchResult &Result) {
  if (checkWorkers(Result))
    return;
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
