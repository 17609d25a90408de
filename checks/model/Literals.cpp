//===--- Literals.cpp - The string literal behind an argument ------------===//

#include "model/Literals.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::session {

const StringLiteral *stringLiteralIn(const Expr *E) {
  for (unsigned Depth = 0; Depth < 8 && E; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Literal = dyn_cast<StringLiteral>(E))
      return Literal;
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temporary->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
             Construct && Construct->getNumArgs() >= 1)
      E = Construct->getArg(0);
    else
      return nullptr;
  }
  return nullptr;
}

} // namespace clang::tidy::session
