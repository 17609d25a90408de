//===--- Workers.cpp - How many workers may ask for a connection at once --===//

#include "model/Workers.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/STLExtras.h"
#include <functional>

namespace clang::tidy::session {
namespace {

bool isThreadClass(const CXXRecordDecl *Class, std::string &Name) {
  if (!Class || !Class->getIdentifier())
    return false;
  llvm::StringRef Short = Class->getName();
  if (Short != "thread" && Short != "jthread")
    return false;
  Name = Class->getQualifiedNameAsString();
  return Name == "std::thread" || Name == "std::jthread";
}

/// The variable a loop counts with, from `int I = A` or `I = A`, and A.
std::pair<const VarDecl *, std::optional<int64_t>>
loopStart(const Stmt *Init, const ASTContext &Context) {
  auto Value = [&](const Expr *E) -> std::optional<int64_t> {
    Expr::EvalResult Result;
    if (E && !E->isValueDependent() && E->EvaluateAsInt(Result, Context))
      return Result.Val.getInt().getExtValue();
    return std::nullopt;
  };
  if (const auto *Decls = dyn_cast_or_null<DeclStmt>(Init)) {
    const auto *Var = Decls->isSingleDecl()
                          ? dyn_cast<VarDecl>(Decls->getSingleDecl())
                          : nullptr;
    if (Var && Var->getType()->isIntegerType())
      return {Var, Value(Var->getInit())};
    return {nullptr, std::nullopt};
  }
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Init))
    if (Assign->getOpcode() == BO_Assign)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
          return {Var, Value(Assign->getRHS())};
  return {nullptr, std::nullopt};
}

bool refersTo(const Expr *E, const VarDecl *Var) {
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return Ref && Ref->getDecl() == Var;
}

/// `++I`, `I++`, `I += 1`.
bool stepsByOne(const Expr *Inc, const VarDecl *Var,
                const ASTContext &Context) {
  if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(Inc))
    return Unary->isIncrementOp() && refersTo(Unary->getSubExpr(), Var);
  if (const auto *Compound = dyn_cast_or_null<CompoundAssignOperator>(Inc))
    return Compound->getOpcode() == BO_AddAssign &&
           refersTo(Compound->getLHS(), Var) &&
           constantCount(Compound->getRHS(), Context) == 1u;
  return false;
}

/// The function or lambda body \p S is in.
const Stmt *enclosingBody(const Stmt *S, ASTContext &Context) {
  DynTypedNodeList Parents = Context.getParents(*S);
  for (unsigned Depth = 0; Depth < 64 && !Parents.empty(); ++Depth) {
    const DynTypedNode &Parent = Parents[0];
    if (const auto *Lambda = Parent.get<LambdaExpr>())
      return Lambda->getBody();
    if (const auto *Function = Parent.get<FunctionDecl>())
      return Function->getBody();
    Parents = Context.getParents(Parent);
  }
  return nullptr;
}

/// The initial count of a semaphore variable or member with a constant one.
std::optional<uint64_t> initialCount(const ValueDecl *Semaphore,
                                     const ASTContext &Context) {
  const Expr *Init = nullptr;
  if (const auto *Var = dyn_cast<VarDecl>(Semaphore))
    Init = Var->getInit();
  else if (const auto *Field = dyn_cast<FieldDecl>(Semaphore))
    Init = Field->getInClassInitializer();
  if (!Init)
    return std::nullopt;
  Init = Init->IgnoreImplicit();
  if (const auto *List = dyn_cast<InitListExpr>(Init))
    Init =
        List->getNumInits() == 1 ? List->getInit(0)->IgnoreImplicit() : nullptr;
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init);
  if (!Construct || Construct->getNumArgs() < 1)
    return std::nullopt;
  return constantCount(Construct->getArg(0), Context);
}

} // namespace

std::optional<uint64_t> constantCount(const Expr *E,
                                      const ASTContext &Context) {
  Expr::EvalResult Value;
  if (!E || E->isValueDependent() || !E->EvaluateAsInt(Value, Context) ||
      !Value.Val.getInt().isNonNegative())
    return std::nullopt;
  return Value.Val.getInt().getZExtValue();
}

std::optional<uint64_t> threadPoolSize(const CXXConstructExpr *Construct,
                                       const ASTContext &Context) {
  const CXXConstructorDecl *Constructor = Construct->getConstructor();
  const CXXRecordDecl *Class = Constructor ? Constructor->getParent() : nullptr;
  if (!Class || !Class->getIdentifier() || Class->getName() != "thread_pool" ||
      Construct->getNumArgs() != 1 || Constructor->isCopyOrMoveConstructor() ||
      Class->getQualifiedNameAsString() != "boost::asio::thread_pool")
    return std::nullopt;
  std::optional<uint64_t> Threads =
      constantCount(Construct->getArg(0), Context);
  if (Threads && *Threads == 0)
    return std::nullopt;
  return Threads;
}

std::optional<uint64_t> constantTripCount(const ForStmt *Loop,
                                          const ASTContext &Context) {
  auto [Var, Start] = loopStart(Loop->getInit(), Context);
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(
      Loop->getCond() ? Loop->getCond()->IgnoreParenImpCasts() : nullptr);
  if (!Var || !Start || !Cond || !refersTo(Cond->getLHS(), Var) ||
      !stepsByOne(Loop->getInc(), Var, Context))
    return std::nullopt;
  Expr::EvalResult Bound;
  if (Cond->getRHS()->isValueDependent() ||
      !Cond->getRHS()->EvaluateAsInt(Bound, Context))
    return std::nullopt;
  int64_t End = Bound.Val.getInt().getExtValue();
  switch (Cond->getOpcode()) {
  case BO_LT:
  case BO_NE:
    break;
  case BO_LE:
    ++End;
    break;
  default:
    return std::nullopt;
  }
  if (End <= *Start)
    return std::nullopt;
  return uint64_t(End - *Start);
}

std::string threadStartedIn(const Stmt *Body) {
  if (!Body)
    return "";
  std::string Name;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Body)) {
    const CXXConstructorDecl *Constructor = Construct->getConstructor();
    if (Constructor && !Constructor->isCopyOrMoveConstructor() &&
        Construct->getNumArgs() >= 1 &&
        isThreadClass(Constructor->getParent(), Name))
      return Name;
  }
  // Threads.emplace_back(work): the thread is constructed inside the
  // container, in the library's code.
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Body)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const auto *Container = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        Method ? Method->getParent() : nullptr);
    if (Container && Method->getIdentifier() && Call->getNumArgs() >= 1 &&
        Method->getName().starts_with("emplace") &&
        Container->getTemplateArgs().size() >= 1 &&
        Container->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        isThreadClass(
            Container->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl(),
            Name))
      return Name;
  }
  for (const Stmt *Child : Body->children()) {
    if (!Child ||
        isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, LambdaExpr>(Child))
      continue;
    std::string Found = threadStartedIn(Child);
    if (!Found.empty())
      return Found;
  }
  return "";
}

std::optional<SemaphoreCap> semaphoreCap(const CXXMemberCallExpr *Acquire,
                                         ASTContext &Context,
                                         SessionModel &Model) {
  const CXXRecordDecl *Class = Acquire->getRecordDecl();
  if (!Class || !Class->getIdentifier() ||
      Class->getName() != "counting_semaphore" ||
      Class->getQualifiedNameAsString() != "std::counting_semaphore")
    return std::nullopt;
  const Expr *Object = Acquire->getImplicitObjectArgument();
  Object = Object ? Object->IgnoreParenImpCasts() : nullptr;
  SemaphoreCap Cap;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Object))
    Cap.Semaphore = Ref->getDecl();
  else if (const auto *Member = dyn_cast_or_null<MemberExpr>(Object))
    Cap.Semaphore = Member->getMemberDecl();
  if (!Cap.Semaphore)
    return std::nullopt;
  std::optional<uint64_t> Count = initialCount(Cap.Semaphore, Context);
  const Stmt *Body = enclosingBody(Acquire, Context);
  if (!Count || *Count == 0 || !Body)
    return std::nullopt;
  Cap.Count = *Count;
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation After = Acquire->getEndLoc();
  // The first expression after the acquire whose type is a session or a
  // pool, in source order.
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S || Cap.DatabaseWork)
      return;
    if (const auto *E = dyn_cast<Expr>(S);
        E && !E->isTypeDependent() && E->getBeginLoc().isValid() &&
        SM.isBeforeInTranslationUnit(After, E->getBeginLoc())) {
      QualType T = E->getType().getNonReferenceType();
      bool IsPool = false;
      QualType Pointee = T->isPointerType() ? T->getPointeeType() : T;
      if (const CXXRecordDecl *Record = Pointee->getAsCXXRecordDecl())
        IsPool = Model.roleOf(Record).Role == ClassRole::Pool;
      if (IsPool || Model.holding(T)) {
        Cap.DatabaseWork = E;
        Cap.WorkType = Pointee;
        return;
      }
    }
    for (const Stmt *Child : S->children())
      Walk(Child);
  };
  Walk(Body);
  if (!Cap.DatabaseWork)
    return std::nullopt;
  return Cap;
}

} // namespace clang::tidy::session
