//===--- Exits.cpp - Which ways out of the function leak ------------------===//
//
// An exit leaks a subject that is owned there and released on no path
// reaching it. Which exits count depends on the subject (SubjectKind):
// a local leaks on every exit; a member acquired in a constructor only on
// exceptions (otherwise the object keeps it, and its destructor runs); a
// `T *&` out-parameter only on `return false` (the caller takes it on
// success, and the function reports that there is nothing to take).
//
// A call is an exit when it may throw (HandleUses::mayThrow), judged by the
// policy of the handle at stake: a C handle's by what can be shown, a C++
// session object's by what the declarations allow (ThrowPolicy).
//
// Inside a `try`, an exception goes to the handlers: the state where it was
// raised joins theirs (a handler that releases, or returns failure, sees the
// handle that was owned at the throw). Subjects declared inside the try are
// gone by then: their leak is the throw itself (exceptionLeavesScope).
//
//===----------------------------------------------------------------------===//

#include "model/flow/OwnershipFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::session::flow {
namespace {

/// For every statement inside `try` blocks, the try statements around it,
/// outermost first: an exception there goes to the innermost's handlers.
struct TryBodies : RecursiveASTVisitor<TryBodies> {
  llvm::DenseMap<const Stmt *, llvm::SmallVector<const CXXTryStmt *, 1>>
      Enclosing;
  llvm::SmallVector<const CXXTryStmt *, 2> Open;
  bool TraverseCXXTryStmt(CXXTryStmt *Try) {
    Open.push_back(Try);
    TraverseStmt(Try->getTryBlock());
    Open.pop_back();
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      TraverseStmt(Try->getHandler(I));
    return true;
  }
  bool VisitStmt(Stmt *S) {
    if (!Open.empty())
      Enclosing[S].assign(Open.begin(), Open.end());
    return true;
  }
};

/// `return false;`, as a constant.
bool returnsFalse(const Stmt *S, const ASTContext &Ctx) {
  const auto *Return = dyn_cast_or_null<ReturnStmt>(S);
  const Expr *Value = Return ? Return->getRetValue() : nullptr;
  bool Result = true;
  return Value && !Value->isValueDependent() &&
         Value->EvaluateAsBooleanCondition(Result, Ctx) && !Result;
}

} // namespace

void Analysis::findTries() {
  TryBodies Bodies;
  Bodies.TraverseStmt(Function->getBody());
  Tries = std::move(Bodies.Enclosing);
  struct DeclarationFinder : RecursiveASTVisitor<DeclarationFinder> {
    llvm::DenseMap<const ValueDecl *, const Stmt *> &Found;
    bool VisitDeclStmt(DeclStmt *Declaration) {
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          Found[Var] = Declaration;
      return true;
    }
  } Declared{{}, Declarations};
  Declared.TraverseStmt(Function->getBody());
}

/// An exception at \p Thrower leaks \p Var unless some `try` around the
/// throw can still see the variable (it was declared outside that try): that
/// try's handlers decide.
bool Analysis::exceptionLeavesScope(const Stmt *Thrower,
                                    const ValueDecl *Var) const {
  auto ThrowerTries = Tries.find(Thrower);
  if (ThrowerTries == Tries.end())
    return true;
  auto Declaration = Declarations.find(Var);
  auto VarTries = Declaration == Declarations.end()
                      ? Tries.end()
                      : Tries.find(Declaration->second);
  for (const CXXTryStmt *Try : ThrowerTries->second)
    if (VarTries == Tries.end() || !llvm::is_contained(VarTries->second, Try))
      return false;
  return true;
}

namespace {
/// What a handler asks of the exception it caught (`e.what()`,
/// `e.getErrorCode()`) reads the exception object: it does not throw.
bool asksCaughtException(const Stmt *S) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
  const auto *Object =
      Call ? dyn_cast<DeclRefExpr>(
                 Call->getImplicitObjectArgument()->IgnoreParenImpCasts())
           : nullptr;
  const auto *Var = Object ? dyn_cast<VarDecl>(Object->getDecl()) : nullptr;
  return Var && Var->isExceptionVariable();
}

/// Inside an expression clang could not make sense of, the calls are what a
/// failed overload resolution left (a conversion the program would not
/// make): they say nothing about what the program throws.
bool insideDamagedExpression(const Stmt *S, const ParentMap &Parents) {
  for (const Stmt *Up = Parents.getParent(S); Up; Up = Parents.getParent(Up))
    if (const auto *E = dyn_cast<Expr>(Up); E && E->containsErrors())
      return true;
  return false;
}
} // namespace

bool Analysis::mayThrow(const Stmt *S, ThrowPolicy Policy) {
  const LangOptions &Lang = Ctx.getLangOpts();
  if (!Lang.CPlusPlus || !Lang.CXXExceptions)
    return false;
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    Callee = Call->getDirectCallee();
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    if (Construct->getConstructor()->isTrivial())
      return false;
    Callee = Construct->getConstructor();
  } else
    return false;
  // Shown implies Declared: most statements are asked once.
  auto [It, Inserted] = Throwing.try_emplace(S, 0);
  uint8_t &Known = It->second;
  if (!(Known & 1)) {
    Known = 1;
    // (Transactions are not followed in bodies with errors: no parent map.)
    bool Excused = asksCaughtException(S) ||
                   (Parents && insideDamagedExpression(S, *Parents));
    if (!Excused && Uses.mayThrow(Callee, ThrowPolicy::Declared))
      Known |= 2 | (Uses.mayThrow(Callee, ThrowPolicy::Shown) ? 4 : 0);
  }
  return Known & (Policy == ThrowPolicy::Shown ? 4 : 2);
}

/// A subject's policy: C handles by what can be shown, unless one of the
/// acquisitions it may own is a C++ session object.
ThrowPolicy Analysis::policyOf(unsigned Var, const State &S) const {
  const VarState &V = S[Var];
  if (!V.Sites.empty() && llvm::all_of(V.Sites, [](const Acquisition *A) {
        return A->CHandle;
      }))
    return ThrowPolicy::Shown;
  return ThrowPolicy::Declared;
}

bool Analysis::leaksAt(unsigned Var, const Exit &E) {
  SubjectKind Kind = Kinds[Var];
  switch (E.Kind) {
  case LeakKind::Return:
    if (Kind == SubjectKind::OutParameter)
      return returnsFalse(E.At, Ctx);
    return Kind != SubjectKind::Member;
  case LeakKind::FunctionEnd:
    return Kind != SubjectKind::Member && Kind != SubjectKind::OutParameter;
  case LeakKind::Throw:
  case LeakKind::MayThrow:
    return Kind != SubjectKind::OutParameter &&
           exceptionLeavesScope(E.At, Vars[Var]);
  default:
    return true;
  }
}

void Analysis::checkLeaks(const State &S, const Exit &E) {
  const SourceManager &SM = Ctx.getSourceManager();
  unsigned First = E.OnlyVar ? *E.OnlyVar : 0;
  unsigned Last = E.OnlyVar ? *E.OnlyVar + 1 : S.size();
  for (unsigned I = First; I < Last; ++I) {
    if (Dropped.contains(I) || !S[I].leaks() || !leaksAt(I, E))
      continue;
    if (E.Kind == LeakKind::MayThrow && !mayThrow(E.At, policyOf(I, S)))
      continue;
    for (const Acquisition *Site : S[I].Sites) {
      auto [It, Inserted] =
          Leaks.try_emplace(Site, Leak{*Site, Vars[I], E.Kind, E.Where});
      if (!Inserted && SM.isBeforeInTranslationUnit(E.Where, It->second.Where))
        It->second = Leak{*Site, Vars[I], E.Kind, E.Where};
    }
  }
}

/// An exception at \p Thrower inside a `try` reaches its handlers with the
/// state of the subjects that outlive the try and for which it may throw.
void Analysis::raise(const Stmt *Thrower, const State &S,
                     std::vector<Raised> &Exceptions) {
  auto Around = Tries.find(Thrower);
  if (Around == Tries.end())
    return;
  const CXXTryStmt *Innermost = Around->second.back();
  bool Explicit = isa<CXXThrowExpr>(Thrower);
  State Out = S;
  bool Any = false;
  for (unsigned I = 0; I < S.size(); ++I) {
    if (!(S[I].Bits & ~NotAcquired))
      continue; // nothing to tell the handler
    auto Declaration = Declarations.find(Vars[I]);
    bool Inside = false;
    if (Declaration != Declarations.end())
      if (auto VarTries = Tries.find(Declaration->second);
          VarTries != Tries.end())
        Inside = llvm::is_contained(VarTries->second, Innermost);
    if (Inside || (!Explicit && !mayThrow(Thrower, policyOf(I, S))))
      Out.set(I) = VarState::bottom();
    else
      Any = true;
  }
  if (Any)
    Exceptions.push_back({Innermost, std::move(Out)});
}

} // namespace clang::tidy::session::flow
