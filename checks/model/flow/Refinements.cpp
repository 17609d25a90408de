//===--- Refinements.cpp - What a branch says about a handle --------------===//
//
// Along the two edges of a condition, the analysis learns:
// * a null test of a tracked handle (`if (!h)`, `h == nullptr`, through an
//   assignment in the condition, of a local or a member of `this`): on the
//   null edge nothing is owned;
// * a test of an acquisition's result code against its known success value
//   (`if (!db.transaction())`, `SQLAllocHandle(…) != SQL_SUCCESS`), directly
//   or through a local that keeps the code and is never written again, or
//   through a predicate of the project (`bool ok(int rc) { return rc ==
//   SQLITE_OK; }`): on the failure edge nothing was acquired.
// An acquisition whose result code alone says whether there is a handle
// (SQLAllocHandle) is followed only where such a test reads it: elsewhere
// (a macro the test does not read, a code handed to a helper) the branches
// are not followed, and the acquisition is left alone.
//
//===----------------------------------------------------------------------===//

#include "model/flow/OwnershipFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::session::flow {

/// Locals initialized with an acquisition's result code and never written
/// again: a test of the local tests the acquisition.
void Analysis::findResultVariables() {
  llvm::DenseMap<const VarDecl *, const Expr *> Candidates;
  for (const Acquisition &A : Acquired) {
    if (!A.SuccessValue)
      continue;
    const Expr *Value = HandleUses::outermostValue(A.Site, *Parents);
    if (const auto *Decl = dyn_cast_or_null<DeclStmt>(Parents->getParent(Value)))
      for (const clang::Decl *D : Decl->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (Var->getInit() == Value && Var->hasLocalStorage() &&
              !Var->getType()->isReferenceType())
            Candidates[Var] = A.Site;
  }
  if (Candidates.empty())
    return;
  struct Writes : RecursiveASTVisitor<Writes> {
    const ParentMap &Parents;
    llvm::DenseMap<const VarDecl *, const Expr *> &Candidates;
    Writes(const ParentMap &Parents,
           llvm::DenseMap<const VarDecl *, const Expr *> &Candidates)
        : Parents(Parents), Candidates(Candidates) {}
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var || !Candidates.count(Var))
        return true;
      const Stmt *Parent = Parents.getParent(Ref);
      while (isa_and_nonnull<ParenExpr, ImplicitCastExpr>(Parent))
        Parent = Parents.getParent(Parent);
      bool Reads = isa_and_nonnull<BinaryOperator>(Parent) &&
                   cast<BinaryOperator>(Parent)->isComparisonOp();
      if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Parent))
        Reads |= Not->getOpcode() == UO_LNot;
      Reads |= isa_and_nonnull<IfStmt, WhileStmt, ReturnStmt>(Parent);
      if (!Reads && (!Parent || !isa<CallExpr>(Parent) ||
                     !Ref->getType()->isIntegralOrEnumerationType()))
        Candidates.erase(Var);
      return true;
    }
  } Search(*Parents, Candidates);
  Search.TraverseStmt(Function->getBody());
  for (auto &[Var, Site] : Candidates)
    ResultVariables[Var] = Site;
}

const llvm::SmallVector<Event, 2> *
Analysis::eventsTestedBy(const Expr *E) const {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
      auto Result = ResultVariables.find(Var);
      if (Result != ResultVariables.end())
        E = Result->second;
    }
  auto Found = Events.find(E);
  return Found == Events.end() ? nullptr : &Found->second;
}

namespace {

/// `bool ok(int rc) { return rc == SQLITE_OK; }`: a predicate of the
/// project whose body is one return of a test of its parameter.
const Expr *predicateBody(const CallExpr *Call, const ParmVarDecl *&Param,
                          const Expr *&Argument) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->getReturnType()->isBooleanType() ||
      Call->getNumArgs() != 1 || Callee->getNumParams() != 1 ||
      !Callee->hasBody(Definition) ||
      Definition->getASTContext().getSourceManager().isInSystemHeader(
          Definition->getLocation()))
    return nullptr;
  const auto *Block = dyn_cast<CompoundStmt>(Definition->getBody());
  const auto *Return =
      Block && Block->size() == 1 ? dyn_cast<ReturnStmt>(Block->body_front())
                                  : nullptr;
  if (!Return || !Return->getRetValue())
    return nullptr;
  Param = Definition->getParamDecl(0);
  Argument = Call->getArg(0);
  return Return->getRetValue();
}

} // namespace

/// If \p Cond tests the result of an acquisition with a known success
/// value, the acquisition and whether the condition holds when it succeeded.
/// \p Param and \p Argument: inside a predicate's body, the parameter and
/// what the caller passed for it.
std::optional<std::pair<const Event *, bool>>
Analysis::testedAcquisition(const Expr *Cond, const ParmVarDecl *Param,
                            const Expr *Argument) const {
  auto Resolve = [&](const Expr *E) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref && Param && Ref->getDecl() == Param ? Argument : E;
  };
  Cond = Cond->IgnoreParenImpCasts();
  bool Negated = false;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    Cond = Not->getSubExpr()->IgnoreParenImpCasts();
    Negated = true;
  }
  // Through a predicate, one level deep.
  if (const auto *Call = dyn_cast<CallExpr>(Cond); Call && !Param) {
    const ParmVarDecl *Inner = nullptr;
    const Expr *Passed = nullptr;
    if (const Expr *Body = predicateBody(Call, Inner, Passed)) {
      if (auto Found = testedAcquisition(Body, Inner, Passed))
        return std::make_pair(Found->first, Found->second != Negated);
      return std::nullopt;
    }
  }
  std::optional<llvm::APSInt> Compared;
  BinaryOperatorKind Op = BO_NE; // a plain test is `result != 0`
  if (const auto *Compare = dyn_cast<BinaryOperator>(Cond);
      Compare && Compare->isEqualityOp()) {
    const Expr *Call = Resolve(Compare->getLHS());
    const Expr *Constant = Resolve(Compare->getRHS());
    if (!eventsTestedBy(Call))
      std::swap(Call, Constant);
    Compared = Constant->getIntegerConstantExpr(Ctx);
    if (!Compared)
      return std::nullopt;
    Op = Compare->getOpcode();
    Cond = Call;
  }
  const llvm::SmallVector<Event, 2> *Found = eventsTestedBy(Resolve(Cond));
  if (!Found)
    return std::nullopt;
  for (const Event &E : *Found) {
    if (E.Kind != UseKind::Acquire || !E.Acquired->SuccessValue)
      continue;
    int64_t Success = *E.Acquired->SuccessValue;
    int64_t Against = Compared ? Compared->getExtValue() : 0;
    bool Holds = (Op == BO_EQ) == (Success == Against);
    return std::make_pair(&E, Holds != Negated);
  }
  return std::nullopt;
}

void Analysis::dropUntestedAcquisitions(const CFG &Graph) {
  if (NeedTest.empty())
    return;
  llvm::SmallPtrSet<const Acquisition *, 2> Tested;
  for (const CFGBlock *Block : Graph)
    if (const auto *Cond =
            dyn_cast_or_null<Expr>(Block->getTerminatorCondition()))
      if (auto Found = testedAcquisition(Cond))
        Tested.insert(Found->first->Acquired);
  for (const Acquisition *A : NeedTest) {
    if (Tested.contains(A))
      continue;
    auto &List = Events[A->Site];
    llvm::erase_if(List, [&](const Event &E) { return E.Acquired == A; });
  }
}

State Analysis::refine(const CFGBlock &Block, unsigned Successor,
                       State S) const {
  const Stmt *Condition = Block.getTerminatorCondition();
  const auto *Cond = dyn_cast_or_null<Expr>(Condition);
  if (!Cond || Block.succ_size() != 2)
    return S;
  // A checked acquisition (`if (!db.transaction()) return false;`): on the
  // edge where it failed, nothing was opened.
  if (auto Tested = testedAcquisition(Cond)) {
    bool SuccessEdge = (Successor == 0) == Tested->second;
    if (!SuccessEdge) {
      VarState &Failed = S.set(Tested->first->Var);
      Failed.Bits = Null;
      Failed.Sites.clear();
    }
    return S;
  }
  // `if ((h = PQconnectdb(…)) == nullptr)` tests what was assigned.
  auto Assigned = [](const Expr *E) -> const Expr * {
    E = E->IgnoreParenImpCasts();
    if (const auto *Assign = dyn_cast<BinaryOperator>(E);
        Assign && Assign->getOpcode() == BO_Assign)
      return Assign->getLHS()->IgnoreParenImpCasts();
    return E;
  };
  Cond = Cond->IgnoreParenImpCasts();
  bool NullWhenTrue = false;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    Cond = Assigned(Not->getSubExpr());
    NullWhenTrue = true;
  } else if (const auto *Compare = dyn_cast<BinaryOperator>(Cond);
             Compare && Compare->isEqualityOp()) {
    const Expr *LHS = Compare->getLHS()->IgnoreParenImpCasts();
    const Expr *RHS = Compare->getRHS()->IgnoreParenImpCasts();
    auto IsNull = [&](const Expr *E) {
      return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
    };
    if (IsNull(LHS))
      std::swap(LHS, RHS);
    if (!IsNull(RHS))
      return S;
    Cond = LHS;
    NullWhenTrue = Compare->getOpcode() == BO_EQ;
  }
  const ValueDecl *Tested = nullptr;
  const Expr *Named = Assigned(Cond);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Named))
    Tested = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(Named);
           Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    Tested = Member->getMemberDecl();
  auto Tracked = Tested ? VarIndex.find(Tested) : VarIndex.end();
  if (Tracked == VarIndex.end())
    return S;
  if ((Successor == 0) == NullWhenTrue) {
    VarState &IsNull = S.set(Tracked->second);
    IsNull.Bits = Null;
    IsNull.Sites.clear();
  }
  return S;
}

} // namespace clang::tidy::session::flow
