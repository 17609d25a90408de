//===--- Literals.h - The string literal behind an argument --------------===//
//
// SQL text and connection strings reach library calls as `const char *`,
// `std::string` or `QString` temporaries; several checks need the literal the
// user wrote behind those conversions.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_LITERALS_H
#define SESSION_LINT_MODEL_LITERALS_H

#include "clang/AST/Expr.h"

namespace clang::tidy::session {

/// The string literal \p E is, through implicit conversions, temporaries and
/// converting constructors; null if it is not one.
const StringLiteral *stringLiteralIn(const Expr *E);

} // namespace clang::tidy::session

#endif
