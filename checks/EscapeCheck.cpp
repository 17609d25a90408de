//===--- EscapeCheck.cpp - session-escape ---------------------------------===//

#include "EscapeCheck.h"
#include "model/Literals.h"
#include "model/Scopes.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::session {
namespace {

/// The lambda \p E is, through the conversions that store it (into a
/// `std::function`, a temporary).
const LambdaExpr *lambdaIn(const Expr *E) {
  return dyn_cast_or_null<LambdaExpr>(throughConversions(E));
}

struct Captured {
  const VarDecl *Session = nullptr;
  /// Through its address (a pointer captured by copy, an init-capture of
  /// `owner.get()`), not by reference.
  bool ThroughPointer = false;
  explicit operator bool() const { return Session; }
};

/// The scoped session \p Lambda captures by reference — directly, or through
/// an init-capture (`[&s = conn]`, `[db = owner.get()]`) or a local pointer
/// captured by copy that holds its address — if any.
Captured capturedSession(const LambdaExpr *Lambda, SessionModel &Model) {
  for (const LambdaCapture &Capture : Lambda->captures()) {
    if (!Capture.capturesVariable())
      continue;
    const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar());
    if (!Var)
      continue;
    if (Var->isInitCapture()) {
      if (const VarDecl *Session = initCapturedScopedSession(Var, Model))
        return {Session, !Var->getType()->isReferenceType()};
      continue;
    }
    if (Capture.getCaptureKind() == LCK_ByRef && isScopedSession(Var, Model))
      return {Var, false};
    if (Capture.getCaptureKind() == LCK_ByCopy)
      if (const VarDecl *Session = pointedScopedSession(Var, Model))
        return {Session, true};
  }
  return {};
}

enum RootKind { MemberRoot, GlobalRoot, StaticRoot, ParameterRoot };

RootKind rootKind(const ValueDecl *Root) {
  if (isa<FieldDecl>(Root))
    return MemberRoot;
  if (isa<ParmVarDecl>(Root))
    return ParameterRoot;
  const auto *Var = cast<VarDecl>(Root);
  return Var->isStaticLocal() || Var->isStaticDataMember() ? StaticRoot
                                                           : GlobalRoot;
}

const char WhereStored[] =
    "%select{member|global|static|the object behind parameter}0 %1";

bool isStd(const NamedDecl *Decl, llvm::StringRef Name) {
  return Decl && Decl->isInStdNamespace() && Decl->getIdentifier() &&
         Decl->getName() == Name;
}

/// The single parent of \p Node, skipping the nodes that only carry a value
/// along (casts, temporaries, parentheses). The parent map is built over
/// the checks' traversal scope, the user's code (UserCodeMatching.h).
DynTypedNode valueParent(const Expr *Node, ASTContext &Context) {
  DynTypedNode Current = DynTypedNode::create(*Node);
  for (unsigned Depth = 0; Depth < 12; ++Depth) {
    DynTypedNodeList Parents = Context.getParents(Current);
    if (Parents.size() != 1)
      return {};
    const auto *Parent = Parents[0].get<Expr>();
    if (!Parent || !isa<ImplicitCastExpr, MaterializeTemporaryExpr,
                        CXXBindTemporaryExpr, ExprWithCleanups, ParenExpr,
                        CXXFunctionalCastExpr>(Parent))
      return Parents[0];
    Current = Parents[0];
  }
  return {};
}

/// Is the local \p Thread detached anywhere in \p Body?
bool detachedIn(const Stmt *Body, const VarDecl *Thread, ASTContext &Context) {
  auto Detach = cxxMemberCallExpr(
      callee(cxxMethodDecl(hasName("detach"))),
      on(declRefExpr(to(varDecl(equalsNode(Thread))))));
  return !match(stmt(hasDescendant(Detach)), *Body, Context).empty();
}

// The matchers, one predicate each (see SessionCheck.h): assignments and
// insertions are among the most frequent nodes of a translation unit.

const SourceManager &sourceManager(ast_matchers::internal::ASTMatchFinder *F) {
  return F->getASTContext().getSourceManager();
}

/// binaryOperator(hasOperatorName("="), unless(isExpansionInSystemHeader()))
AST_MATCHER(BinaryOperator, isUserAssignment) {
  return Node.getOpcode() == BO_Assign &&
         !inSystemHeader(Node.getBeginLoc(), sourceManager(Finder));
}

/// cxxOperatorCallExpr(hasOverloadedOperatorName("="),
///                     unless(isExpansionInSystemHeader()))
AST_MATCHER(CXXOperatorCallExpr, isUserAssignmentCall) {
  return Node.getOperator() == OO_Equal &&
         !inSystemHeader(Node.getBeginLoc(), sourceManager(Finder));
}

/// cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(<insertions>))),
///                   unless(isExpansionInSystemHeader()))
AST_MATCHER(CXXMemberCallExpr, isUserInsertion) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Node.getCalleeDecl());
  if (!Method || !Method->getIdentifier())
    return false;
  bool Inserts =
      llvm::StringSwitch<bool>(Method->getName())
          .Cases("push_back", "emplace_back", "push_front", "emplace_front",
                 "insert", true)
          .Cases("emplace", "push", "try_emplace", "insert_or_assign", true)
          .Default(false);
  return Inserts && !inSystemHeader(Node.getBeginLoc(), sourceManager(Finder));
}

/// lambdaExpr(unless(isExpansionInSystemHeader()))
AST_MATCHER(LambdaExpr, isUserLambda) {
  return !inSystemHeader(Node.getBeginLoc(), sourceManager(Finder));
}

} // namespace

EscapeCheck::EscapeCheck(StringRef Name, ClangTidyContext *Context)
    : SessionCheck(Name, Context, TypeOptions) {}

void EscapeCheck::registerUserCodeMatchers(UserCodeMatchers &Finder) {
  Finder.addMatcher(binaryOperator(isUserAssignment()).bind("assign"));
  Finder.addMatcher(cxxOperatorCallExpr(isUserAssignmentCall()).bind("assign"));
  Finder.addMatcher(cxxMemberCallExpr(isUserInsertion()).bind("insert"));
  Finder.addMatcher(lambdaExpr(isUserLambda()).bind("lambda"));
  // Returns are visited per function: a returnStmt matcher would need the
  // enclosing function, and so a parent map.
  matchFunctionDefinitions(Finder);
}

void EscapeCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Assign = Result.Nodes.getNodeAs<BinaryOperator>("assign"))
    return checkStore(Assign->getLHS(), Assign->getRHS());
  if (const auto *Assign =
          Result.Nodes.getNodeAs<CXXOperatorCallExpr>("assign")) {
    if (Assign->getNumArgs() == 2)
      checkStore(Assign->getArg(0), Assign->getArg(1));
    return;
  }
  if (const auto *Insert = Result.Nodes.getNodeAs<CXXMemberCallExpr>("insert")) {
    for (const Expr *Arg : Insert->arguments())
      checkStore(Insert->getImplicitObjectArgument(), Arg);
    return;
  }
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    return checkLambda(Lambda, *Result.Context);
  if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function"))
    checkReturns(Function);
}

void EscapeCheck::checkReturns(const FunctionDecl *Function) {
  // Each return belongs to its innermost function: a lambda's returns are
  // the lambda's.
  struct Returns : RecursiveASTVisitor<Returns> {
    EscapeCheck &Check;
    const FunctionDecl *Current;
    Returns(EscapeCheck &Check, const FunctionDecl *Current)
        : Check(Check), Current(Current) {}
    bool TraverseLambdaExpr(LambdaExpr *Lambda) {
      Returns Inner(Check, Lambda->getCallOperator());
      Inner.TraverseStmt(Lambda->getBody());
      return true;
    }
    bool VisitReturnStmt(ReturnStmt *Return) {
      if (Return->getRetValue())
        Check.checkReturn(Return, Current);
      return true;
    }
  } Visitor(*this, Function);
  Visitor.TraverseStmt(Function->getBody());
}

void EscapeCheck::noteDeclaration(const VarDecl *Session) {
  diag(Session->getLocation(),
       "%0 is declared here and closed at the end of its scope",
       DiagnosticIDs::Note)
      << Session;
}

/// A std::thread, or a container of them: a thread is an escape only when
/// detached (checkLambda), since one stored to be joined later is normal.
bool holdsThreads(QualType T) {
  const auto *Class = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class)
    return false;
  if (isStd(Class, "thread"))
    return true;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class);
  return Spec && Spec->isInStdNamespace() &&
         Spec->getTemplateArgs().size() >= 1 &&
         Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
         isStd(Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl(),
               "thread");
}

void EscapeCheck::checkStore(const Expr *Target, const Expr *Value) {
  const ValueDecl *Root = longerLivedRoot(Target);
  if (!Root || holdsThreads(Target->getType()))
    return;
  if (const VarDecl *Session =
          addressedScopedSession(Value, Model, /*AllowReference=*/false)) {
    diag(Value->getBeginLoc(),
         (llvm::Twine("the address of session %2, owned by this scope, is "
                      "stored in ") +
          WhereStored +
          ", which outlives it; pass the session as a parameter to the code "
          "that needs it instead of keeping it")
             .str())
        << rootKind(Root) << Root << Session;
    return noteDeclaration(Session);
  }
  if (const LambdaExpr *Lambda = lambdaIn(Value))
    if (Captured By = capturedSession(Lambda, Model)) {
      diag(Lambda->getBeginLoc(),
           (llvm::Twine("session %2, owned by this scope, is captured "
                        "%select{by reference|through a pointer}3 in a lambda "
                        "stored in ") +
            WhereStored +
            ", which outlives it; let the callback open its own session "
            "when it runs")
               .str())
          << rootKind(Root) << Root << By.Session << By.ThroughPointer;
      noteDeclaration(By.Session);
    }
}

void EscapeCheck::checkLambda(const LambdaExpr *Lambda, ASTContext &Context) {
  Captured By = capturedSession(Lambda, Model);
  if (!By)
    return;
  const VarDecl *Session = By.Session;
  DynTypedNode Parent = valueParent(Lambda, Context);

  // std::thread(lambda): detached on the spot, or a local detached later.
  if (const auto *Construct = Parent.get<CXXConstructExpr>();
      Construct && isStd(Construct->getConstructor()->getParent(), "thread")) {
    DynTypedNode Owner = valueParent(Construct, Context);
    bool Detached = false;
    if (const auto *Member = Owner.get<MemberExpr>())
      Detached = Member->getMemberDecl()->getName() == "detach";
    else if (const auto *Thread = Owner.get<VarDecl>())
      if (const auto *Function = dyn_cast_or_null<FunctionDecl>(
              Thread->getParentFunctionOrMethod());
          Function && Function->hasBody() && Thread->hasLocalStorage())
        Detached = detachedIn(Function->getBody(), Thread, Context);
    if (!Detached)
      return;
    diag(Lambda->getBeginLoc(),
         "session %0, owned by this scope, is captured %select{by "
         "reference|through a pointer}1 in a lambda run by a detached thread, "
         "which may outlive it; join the thread before the scope ends, or let "
         "the thread open its own session")
        << Session << By.ThroughPointer;
    return noteDeclaration(Session);
  }

  // std::async(lambda): the task lives as long as its future.
  const auto *Async = Parent.get<CallExpr>();
  if (!Async || !isStd(Async->getDirectCallee(), "async"))
    return;
  DynTypedNode Future = valueParent(Async, Context);
  const ValueDecl *StoredIn = nullptr;
  if (const auto *Assign = Future.get<CXXOperatorCallExpr>())
    StoredIn = Assign->getOperator() == OO_Equal
                   ? longerLivedRoot(Assign->getArg(0))
                   : nullptr;
  else if (const auto *Insert = Future.get<CXXMemberCallExpr>())
    StoredIn = longerLivedRoot(Insert->getImplicitObjectArgument());
  bool Returned = Future.get<ReturnStmt>() != nullptr;
  if (!Returned && !StoredIn)
    return;
  if (Returned)
    diag(Lambda->getBeginLoc(),
         "session %0, owned by this scope, is captured %select{by "
         "reference|through a pointer}1 in a std::async task whose future is "
         "returned, so the task may outlive it; wait for the task before the "
         "scope ends, or let it open its own session")
        << Session << By.ThroughPointer;
  else
    diag(Lambda->getBeginLoc(),
         (llvm::Twine("session %2, owned by this scope, is captured "
                      "%select{by reference|through a pointer}3 in a "
                      "std::async task whose future is stored in ") +
          WhereStored +
          ", so the task may outlive it; wait for the task before the scope "
          "ends, or let it open its own session")
             .str())
        << rootKind(StoredIn) << StoredIn << Session << By.ThroughPointer;
  noteDeclaration(Session);
}

void EscapeCheck::checkReturn(const ReturnStmt *Return,
                              const FunctionDecl *Function) {
  if (!Function)
    return;
  QualType Returned = Function->getReturnType();
  const Expr *Value = Return->getRetValue();
  if (Returned->isPointerType() || Returned->isReferenceType()) {
    if (const VarDecl *Session = addressedScopedSession(
            Value, Model, /*AllowReference=*/Returned->isReferenceType())) {
      diag(Value->getBeginLoc(),
           "returning a %select{pointer|reference}0 to session %1, which is "
           "closed when %2 returns; return the session by value, or take it "
           "as a parameter")
          << Returned->isReferenceType() << Session << Function;
      return noteDeclaration(Session);
    }
  }
  if (const LambdaExpr *Lambda = lambdaIn(Value))
    if (Captured By = capturedSession(Lambda, Model)) {
      diag(Lambda->getBeginLoc(),
           "session %0 is captured %select{by reference|through a pointer}2 "
           "in a lambda returned from %1, which outlives it; let the lambda "
           "open its own session when it runs")
          << By.Session << Function << By.ThroughPointer;
      noteDeclaration(By.Session);
    }
}

} // namespace clang::tidy::session
