//===--- Literals.cpp - The string literal behind an argument ------------===//

#include "model/Literals.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::session {

const Expr *throughConversions(const Expr *E) {
  for (unsigned Depth = 0; Depth < 8 && E; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temporary->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
             Construct && Construct->getNumArgs() >= 1)
      E = Construct->getArg(0);
    else
      return E;
  }
  return E;
}

} // namespace clang::tidy::session
