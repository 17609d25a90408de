//===--- Subjects.cpp - What the ownership analysis tracks ----------------===//
//
// Where an acquisition's handle goes decides whether it is followed:
// a local variable (not a reference: a reference names storage elsewhere, a
// container's element); in a constructor, a data member of the class itself
// (a base class's member is the base's, whose destructor does run); a
// `T *&` out-parameter of a function that reports success with a bool; or
// nowhere — an expression statement drops it, and a call that returns it
// only on success (`mysql_real_connect(mysql_init(nullptr), …)`) loses it on
// failure. Anything else (a member outside a constructor, a global, a
// container) is another check's business, or not followed.
//
//===----------------------------------------------------------------------===//

#include "model/flow/OwnershipFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::session::flow {
namespace {

/// Acquisitions in a body, not counting nested lambdas (functions of their
/// own). An expression clang could not make sense of acquires nothing here:
/// the whole function is then set aside (containsErrors), and this walk runs
/// before that test, which most functions never need.
struct AcquisitionFinder : RecursiveASTVisitor<AcquisitionFinder> {
  HandleUses &Uses;
  std::deque<Acquisition> &Found;
  AcquisitionFinder(HandleUses &Uses, std::deque<Acquisition> &Found)
      : Uses(Uses), Found(Found) {}
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCallExpr(CallExpr *Call) {
    if (Call->containsErrors())
      return true;
    if (auto A = Uses.acquisition(Call))
      Found.push_back(std::move(*A));
    return true;
  }
  bool VisitCXXNewExpr(CXXNewExpr *New) {
    if (New->containsErrors())
      return true;
    if (auto A = Uses.acquisition(New))
      Found.push_back(std::move(*A));
    return true;
  }
};

/// The uses of every tracked subject, in one walk of the body (a walk per
/// subject is quadratic in a function with many handles): references to
/// variables, and accesses to members of `this`.
struct RefCollector : RecursiveASTVisitor<RefCollector> {
  const llvm::DenseMap<const ValueDecl *, unsigned> &Index;
  std::vector<llvm::SmallVector<const Expr *, 8>> Refs;
  explicit RefCollector(
      const llvm::DenseMap<const ValueDecl *, unsigned> &Index)
      : Index(Index), Refs(Index.size()) {}
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    auto Found = Index.find(Ref->getDecl());
    if (Found != Index.end())
      Refs[Found->second].push_back(Ref);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    if (!isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      return true;
    auto Found = Index.find(Member->getMemberDecl());
    if (Found != Index.end())
      Refs[Found->second].push_back(Member);
    return true;
  }
};

const CXXConstructorDecl *ownConstructor(const FunctionDecl *Function) {
  const auto *Constructor = dyn_cast<CXXConstructorDecl>(Function);
  return Constructor && !Constructor->isDelegatingConstructor() ? Constructor
                                                                : nullptr;
}

/// May a member function of the class, called from its constructor, touch
/// \p Field (or the object as a whole)? Without a body here, it may.
bool mayTouch(const FunctionDecl *Method, const FieldDecl *Field) {
  const FunctionDecl *Definition = nullptr;
  if (!Method->hasBody(Definition))
    return true;
  struct Finder : RecursiveASTVisitor<Finder> {
    const FieldDecl *Field;
    unsigned ThisUses = 0, MemberAccesses = 0;
    bool Found = false;
    bool VisitCXXThisExpr(CXXThisExpr *) {
      ++ThisUses;
      return true;
    }
    bool VisitMemberExpr(MemberExpr *Member) {
      if (!isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
        return true;
      ++MemberAccesses;
      // The field itself, or another member function (not followed).
      Found |= Member->getMemberDecl() == Field ||
               !isa<FieldDecl>(Member->getMemberDecl());
      return !Found;
    }
  } Search{{}, Field};
  Search.TraverseStmt(Definition->getBody());
  // `this` used other than to reach a field: handed somewhere.
  return Search.Found || Search.ThisUses != Search.MemberAccesses;
}

} // namespace

unsigned Analysis::track(const ValueDecl *Var, SubjectKind Kind) {
  auto [It, Inserted] = VarIndex.try_emplace(Var, Vars.size());
  if (Inserted) {
    Vars.push_back(Var);
    Kinds.push_back(Kind);
  }
  return It->second;
}

void Analysis::findAcquisitions() {
  AcquisitionFinder Finder(Uses, Acquired);
  if (const CXXConstructorDecl *Constructor = ownConstructor(Function))
    for (const CXXCtorInitializer *Init : Constructor->inits())
      if (Init->isMemberInitializer() && Init->isWritten())
        Finder.TraverseStmt(Init->getInit());
  Finder.TraverseStmt(Function->getBody());
}

void Analysis::bind(const Acquisition &A) {
  const CXXConstructorDecl *Constructor = ownConstructor(Function);
  // A member of this class, in its constructor: the destructor does not
  // run if the constructor throws.
  auto MemberKind = [&](const ValueDecl *Target) -> std::optional<SubjectKind> {
    if (isa<VarDecl>(Target))
      return SubjectKind::Local;
    const auto *Field = dyn_cast<FieldDecl>(Target);
    if (Constructor && Field && Field->getParent() == Constructor->getParent())
      return SubjectKind::Member;
    return std::nullopt;
  };

  const Expr *Value = HandleUses::outermostValue(A.Site, *Parents);
  const Stmt *Parent = Parents->getParent(Value);
  if (A.OutParam) {
    std::optional<SubjectKind> Kind = MemberKind(A.OutParam);
    if (!Kind)
      return;
    // A result code that says whether there is a handle is followed where a
    // branch tests it (dropUntestedAcquisitions); a discarded one is not.
    if (A.NoHandleOnFailure && !isa_and_nonnull<CompoundStmt>(Parent))
      NeedTest.push_back(&A);
    Events[A.Site].push_back({track(A.OutParam, *Kind), UseKind::Acquire, &A});
    return;
  }
  if (const auto *Decl = dyn_cast_or_null<DeclStmt>(Parent)) {
    for (const clang::Decl *D : Decl->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->getInit() == Value && Var->hasLocalStorage() &&
            !Var->getType()->isReferenceType())
          Events[Var].push_back(
              {track(Var, SubjectKind::Local), UseKind::Acquire, &A});
    return;
  }
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent)) {
    if (Assign->getOpcode() != BO_Assign || Assign->getRHS() != Value)
      return;
    const Expr *LHS = Assign->getLHS()->IgnoreParenImpCasts();
    std::optional<SubjectKind> Kind;
    const ValueDecl *Target = HandleUses::handleTarget(LHS);
    if (Target)
      Kind = MemberKind(Target);
    // `Out = new Session(…)` into a `T *&` parameter of a bool function.
    if (const auto *Ref = dyn_cast<DeclRefExpr>(LHS); !Kind && Ref)
      if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
          Param && Param->getType()->isReferenceType() &&
          Param->getType().getNonReferenceType()->isPointerType() &&
          Function->getReturnType()->isBooleanType()) {
        Target = Param;
        Kind = SubjectKind::OutParameter;
      }
    if (Kind)
      Events[Assign].push_back({track(Target, *Kind), UseKind::Acquire, &A});
    return;
  }
  // Handed to a call that gives it back only when it succeeds.
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Parent)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    for (unsigned I = 0; Callee && I < Call->getNumArgs(); ++I)
      if (Call->getArg(I) == Value &&
          HandleUses::returnsArgumentOrNull(Callee, I)) {
        Leak Lost{A, nullptr, LeakKind::LostOnFailure, Call->getBeginLoc()};
        Lost.LostIn = Callee;
        Discarded.push_back(Lost);
      }
    return;
  }
  // An expression statement: the handle is dropped on the floor.
  if (isa_and_nonnull<CompoundStmt>(Parent))
    Discarded.push_back(
        {A, nullptr, LeakKind::Discarded, A.Site->getBeginLoc()});
}

/// `Db(sqlite_open_or_null(…))`, `H(mysql_init(nullptr))`: the member's
/// initializer is the acquisition. The CFG shows the initializer's
/// expression, and the event is keyed by the acquiring call.
void Analysis::bindMemberInitializers() {
  const CXXConstructorDecl *Constructor = ownConstructor(Function);
  if (!Constructor)
    return;
  for (const CXXCtorInitializer *Init : Constructor->inits()) {
    if (!Init->isMemberInitializer() || !Init->isWritten())
      continue;
    const Expr *Value = Init->getInit();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Value))
      Value = Cleanups->getSubExpr();
    Value = Value->IgnoreParenImpCasts();
    for (const Acquisition &A : Acquired)
      if (A.Site->IgnoreParenImpCasts() == Value && !A.OutParam &&
          Init->getMember()->getType()->isPointerType())
        Events[A.Site].push_back(
            {track(Init->getMember(), SubjectKind::Member), UseKind::Acquire,
             &A});
  }
}

/// A member function called from the constructor, or `this` handed out,
/// may release or keep a member behind the analysis's back.
void Analysis::dropMembersTheBodyCannotSee() {
  const CXXConstructorDecl *Constructor = ownConstructor(Function);
  if (!Constructor || llvm::none_of(Kinds, [](SubjectKind K) {
        return K == SubjectKind::Member;
      }))
    return;
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::SmallVector<const FunctionDecl *, 4> Methods;
    unsigned ThisUses = 0, MemberAccesses = 0;
    bool TraverseLambdaExpr(LambdaExpr *Lambda) {
      // A lambda capturing `this` may run anywhere.
      for (const LambdaCapture &Capture : Lambda->captures())
        if (Capture.capturesThis())
          ++ThisUses;
      return true;
    }
    bool VisitCXXThisExpr(CXXThisExpr *) {
      ++ThisUses;
      return true;
    }
    bool VisitMemberExpr(MemberExpr *Member) {
      if (!isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
        return true;
      ++MemberAccesses;
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl()))
        Methods.push_back(Method);
      return true;
    }
  } Search;
  Search.TraverseStmt(Function->getBody());
  bool Escapes = Search.ThisUses != Search.MemberAccesses;
  for (unsigned I = 0; I < Vars.size(); ++I) {
    const auto *Field = dyn_cast<FieldDecl>(Vars[I]);
    if (!Field)
      continue;
    if (Escapes || llvm::any_of(Search.Methods, [&](const FunctionDecl *M) {
          return mayTouch(M, Field);
        }))
      Dropped.insert(I);
  }
}

void Analysis::collectUses() {
  RefCollector Collector(VarIndex);
  Collector.TraverseStmt(Function->getBody());
  if (const CXXConstructorDecl *Constructor = ownConstructor(Function))
    for (const CXXCtorInitializer *Init : Constructor->inits())
      if (Init->isWritten())
        Collector.TraverseStmt(Init->getInit());
  for (unsigned I = 0; I < Vars.size(); ++I) {
    for (const Expr *Ref : Collector.Refs[I]) {
      // A member's initializer is its acquisition (bindMemberInitializers).
      if (!Parents->hasParent(Ref) && isa<MemberExpr>(Ref))
        continue;
      Use U = Uses.classifyUse(Ref, Vars[I], *Parents);
      if (U.Kind == UseKind::Unknown) {
        Dropped.insert(I);
        break;
      }
      // Acquisitions were bound above; borrows change nothing.
      if (U.Kind != UseKind::Acquire && U.Kind != UseKind::Borrow)
        Events[U.Anchor].push_back({I, U.Kind});
    }
  }
  dropMembersTheBodyCannotSee();
}

} // namespace clang::tidy::session::flow
