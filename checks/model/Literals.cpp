//===--- Literals.cpp - The string literal behind an argument ------------===//

#include "model/Literals.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/ConvertUTF.h"

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

std::string literalText(const StringLiteral *Literal) {
  if (Literal->getCharByteWidth() == 1)
    return Literal->getBytes().str();
  std::string Text;
  for (unsigned I = 0, N = Literal->getLength(); I < N; ++I) {
    uint32_t Point = Literal->getCodeUnit(I);
    // A UTF-16 surrogate pair is one code point.
    if (Literal->getCharByteWidth() == 2 && Point >= 0xD800 && Point < 0xDC00 &&
        I + 1 < N) {
      uint32_t Low = Literal->getCodeUnit(I + 1);
      if (Low >= 0xDC00 && Low < 0xE000) {
        Point = 0x10000 + ((Point - 0xD800) << 10) + (Low - 0xDC00);
        ++I;
      }
    }
    char Bytes[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
    char *End = Bytes;
    if (llvm::ConvertCodePointToUTF8(Point, End))
      Text.append(Bytes, End);
    else
      Text.push_back('?');
  }
  return Text;
}

} // namespace clang::tidy::session
