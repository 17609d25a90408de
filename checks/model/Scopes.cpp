//===--- Scopes.cpp - Scoped sessions and the places that outlive them ----===//

#include "model/Scopes.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::session {

bool isScopedSession(const VarDecl *Var, SessionModel &Model) {
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      Var->getType()->isPointerType())
    return false;
  std::optional<Holding> Held = Model.holding(Var->getType());
  return Held && (Held->Kind == HolderKind::Value ||
                  Held->Kind == HolderKind::Owner);
}

const VarDecl *addressedScopedSession(const Expr *E, SessionModel &Model,
                                      bool AllowReference) {
  E = E->IgnoreParenImpCasts();
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
