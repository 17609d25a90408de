//===--- Scopes.cpp - Scoped sessions and the places that outlive them ----===//

#include "model/Scopes.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::session {

bool isScopedSession(const VarDecl *Var, SessionModel &Model) {
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      Var->getType()->isPointerType())
    return false;
  std::optional<Holding> Held = Model.holding(Var->getType());
  return Held && (Held->Kind == HolderKind::Value ||
                  Held->Kind == HolderKind::Owner);
}

const VarDecl *pointedScopedSession(const VarDecl *Pointer,
                                    SessionModel &Model) {
  if (!Pointer || !Pointer->hasLocalStorage() || isa<ParmVarDecl>(Pointer) ||
      !Pointer->getType()->isPointerType() || !Pointer->getInit())
    return nullptr;
  const auto *Function =
      dyn_cast_or_null<FunctionDecl>(Pointer->getParentFunctionOrMethod());
  if (!Function || !Function->getBody())
    return nullptr;
  const VarDecl *Session = addressedScopedSession(
      Pointer->getInit(), Model, /*AllowReference=*/false);
  if (!Session || Session == Pointer)
    return nullptr;
  struct Writes : RecursiveASTVisitor<Writes> {
    const VarDecl *Pointer;
    bool Found = false;
    bool names(const Expr *E) const {
      const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      return Ref && Ref->getDecl() == Pointer;
    }
    bool VisitBinaryOperator(BinaryOperator *Op) {
      Found |= Op->isAssignmentOp() && names(Op->getLHS());
      return !Found;
    }
    bool VisitUnaryOperator(UnaryOperator *Op) {
      Found |= (Op->getOpcode() == UO_AddrOf || Op->isIncrementDecrementOp()) &&
               names(Op->getSubExpr());
      return !Found;
    }
    bool VisitVarDecl(VarDecl *Var) {
      Found |= Var->getType()->isReferenceType() &&
               !Var->getType().getNonReferenceType().isConstQualified() &&
               Var->getInit() && names(Var->getInit());
      return !Found;
    }
    bool VisitCallExpr(CallExpr *Call) {
      // Handed by non-const reference: the callee may repoint it.
      const FunctionDecl *Callee = Call->getDirectCallee();
      for (unsigned I = 0; I < Call->getNumArgs(); ++I)
        if (names(Call->getArg(I)) &&
            (!Callee || I >= Callee->getNumParams() ||
             (Callee->getParamDecl(I)->getType()->isReferenceType() &&
              !Callee->getParamDecl(I)
                   ->getType()
                   .getNonReferenceType()
                   .isConstQualified())))
          Found = true;
      return !Found;
    }
  } Search{{}, Pointer};
  Search.TraverseStmt(Function->getBody());
  return Search.Found ? nullptr : Session;
}

const VarDecl *initCapturedScopedSession(const VarDecl *Capture,
                                         SessionModel &Model) {
  if (!Capture || !Capture->isInitCapture() || !Capture->getInit())
    return nullptr;
  return addressedScopedSession(
      Capture->getInit(), Model,
      /*AllowReference=*/Capture->getType()->isReferenceType());
}

const VarDecl *addressedScopedSession(const Expr *E, SessionModel &Model,
                                      bool AllowReference) {
  E = E->IgnoreParenImpCasts();
  // A local pointer holding the address.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E);
      Ref && !Ref->refersToEnclosingVariableOrCapture())
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->getType()->isPointerType())
      return pointedScopedSession(Var, Model);
  auto Scoped = [&](const Expr *Of) -> const VarDecl * {
    // Inside a lambda, a captured session belongs to the enclosing scope.
    const auto *Ref = dyn_cast<DeclRefExpr>(Of->IgnoreParenImpCasts());
    const auto *Var = Ref && !Ref->refersToEnclosingVariableOrCapture()
                          ? dyn_cast<VarDecl>(Ref->getDecl())
                          : nullptr;
    return Var && isScopedSession(Var, Model) ? Var : nullptr;
  };
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_AddrOf) {
      const Expr *Operand = Unary->getSubExpr()->IgnoreParenImpCasts();
      // &*owner
      if (const auto *Deref = dyn_cast<CXXOperatorCallExpr>(Operand);
          Deref && Deref->getOperator() == OO_Star && Deref->getNumArgs() == 1)
        return Scoped(Deref->getArg(0));
      return Scoped(Operand);
    }
    return nullptr;
  }
  // owner.get(), owner.operator->()
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && Method->getIdentifier() && Method->getName() == "get" &&
        Call->getNumArgs() == 0)
      return Scoped(Call->getImplicitObjectArgument());
    return nullptr;
  }
  if (!AllowReference)
    return nullptr;
  // *owner bound to a reference
  if (const auto *Deref = dyn_cast<CXXOperatorCallExpr>(E);
      Deref && Deref->getOperator() == OO_Star && Deref->getNumArgs() == 1)
    return Scoped(Deref->getArg(0));
  return Scoped(E);
}

const ValueDecl *longerLivedRoot(const Expr *Target) {
  // Through a pointer (`p->x`, `*p`) the pointee is reached, which a pointer
  // parameter's caller owns; assigning the parameter itself changes a local.
  bool ThroughPointer = false;
  for (unsigned Depth = 0; Depth < 16 && Target; ++Depth) {
    Target = Target->IgnoreParenImpCasts();
    if (const auto *Member = dyn_cast<MemberExpr>(Target)) {
      const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Base))
        return Member->getMemberDecl();
      ThroughPointer |= Member->isArrow();
      Target = Base;
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Target)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var)
        return nullptr;
      if (!Var->hasLocalStorage())
        return Var; // global or static
      // The object behind a reference or pointer parameter is the caller's.
      if (isa<ParmVarDecl>(Var) &&
          (Var->getType()->isReferenceType() ||
           (Var->getType()->isPointerType() && ThroughPointer)))
        return Var;
      return nullptr;
    }
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(Target)) {
      Target = Subscript->getBase();
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(Target);
        Unary && Unary->getOpcode() == UO_Deref) {
      ThroughPointer = true;
      Target = Unary->getSubExpr();
      continue;
    }
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Target);
        Operator && Operator->getNumArgs() >= 1 &&
        (Operator->getOperator() == OO_Subscript ||
         Operator->getOperator() == OO_Star ||
         Operator->getOperator() == OO_Arrow)) {
      ThroughPointer = true;
      Target = Operator->getArg(0);
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

} // namespace clang::tidy::session
