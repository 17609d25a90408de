//===--- Literals.h - The string literal behind an argument --------------===//
//
// SQL text and connection strings reach library calls as `const char *`,
// `std::string` or `QString` temporaries, and lambdas reach storage as
// `std::function`s; several checks need what the user wrote behind those
// conversions.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_LITERALS_H
#define SESSION_LINT_MODEL_LITERALS_H

#include "clang/AST/Expr.h"
#include <string>

namespace clang::tidy::session {

/// The expression whose value \p E carries through implicit conversions,
/// temporaries, functional casts and converting constructors (a literal
/// becoming a std::string, a lambda becoming a std::function).
const Expr *throughConversions(const Expr *E);

/// The string literal \p E is, through those conversions; null if none.
inline const StringLiteral *stringLiteralIn(const Expr *E) {
  return dyn_cast_or_null<StringLiteral>(throughConversions(E));
}

/// The text of \p Literal in UTF-8, whatever its encoding prefix: a narrow
/// literal as written, a wide, UTF-16 (`QStringLiteral`) or UTF-32 one
/// converted, so that a table named in Cyrillic reads the same in each.
std::string literalText(const StringLiteral *Literal);

} // namespace clang::tidy::session

#endif
