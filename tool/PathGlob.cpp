//===--- PathGlob.cpp - Shell-style globs over paths ----------------------===//

#include "PathGlob.h"

namespace session_lint {

std::string globToRegex(llvm::StringRef Glob) {
  std::string Regex = "^";
  for (size_t I = 0; I < Glob.size(); ++I) {
    char C = Glob[I];
    if (C == '*' && I + 1 < Glob.size() && Glob[I + 1] == '*') {
      Regex += ".*";
      ++I;
    } else if (C == '*') {
      Regex += "[^/]*";
    } else if (C == '?') {
      Regex += "[^/]";
    } else if (C == '[') {
      size_t Close = Glob.find(']', I);
      if (Close == llvm::StringRef::npos) {
        Regex += "\\[";
        continue;
      }
      Regex += Glob.slice(I, Close + 1).str();
      I = Close;
    } else {
      Regex += llvm::Regex::escape(llvm::StringRef(&C, 1));
    }
  }
  return Regex + "$";
}

} // namespace session_lint
