//===--- IdentifierWords.h - The words an identifier is made of ----------===//
//
// Several heuristics of the model read names: a member function named only
// with session words is a session operation, a class with "pool" as a word
// is a pool, a function named "takeConnection" may keep what it is given.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_IDENTIFIERWORDS_H
#define SESSION_LINT_MODEL_IDENTIFIERWORDS_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::tidy::session {

/// Splits snake_case and camelCase into lowercase words ("getUser" ->
/// "get", "user"; "MySQLPool" -> "my", "sql", "pool").
llvm::SmallVector<std::string, 4> identifierWords(llvm::StringRef Name);

} // namespace clang::tidy::session

#endif
