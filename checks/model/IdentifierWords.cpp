//===--- IdentifierWords.cpp - The words an identifier is made of --------===//

#include "model/IdentifierWords.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::session {

llvm::SmallVector<std::string, 4> identifierWords(llvm::StringRef Name) {
  llvm::SmallVector<std::string, 4> Words;
  std::string Current;
  auto Flush = [&] {
    if (!Current.empty())
      Words.push_back(std::move(Current));
    Current.clear();
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (C == '_' || llvm::isDigit(C)) {
      Flush();
      continue;
    }
    // "userId" and "MySQLPool": a capital after a lower-case letter starts a
    // word, and so does the last capital of a run followed by a lower-case
    // letter ("SQL" + "Pool"), as acronyms are written in CamelCase.
    bool StartsWord =
        llvm::isUpper(C) && I > 0 &&
        (llvm::isLower(Name[I - 1]) ||
         (llvm::isUpper(Name[I - 1]) && I + 1 < Name.size() &&
          llvm::isLower(Name[I + 1])));
    if (StartsWord)
      Flush();
    Current.push_back(llvm::toLower(C));
  }
  Flush();
  return Words;
}

} // namespace clang::tidy::session
