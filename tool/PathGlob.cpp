//===--- PathGlob.cpp - Shell-style globs over paths ----------------------===//

#include "PathGlob.h"
#include "llvm/ADT/SmallVector.h"

namespace session_lint {
namespace {

/// The folder levels of \p Text: split at '/', except inside `[...]` and
/// `{...}`.
std::vector<std::string> levels(llvm::StringRef Text) {
  std::vector<std::string> Levels(1);
  int Braces = 0;
  bool InBracket = false;
  size_t ClassStart = 0; // where the open bracket's members begin in Text
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InBracket) {
      // `[]x]` and `[!]x]`: a ']' first in the class is a member.
      llvm::StringRef Class = Text.slice(ClassStart, I);
      if (C == ']' && !Class.empty() && Class != "!" && Class != "^")
        InBracket = false;
    } else if (C == '\\' && I + 1 < Text.size()) {
      Levels.back() += C;
      C = Text[++I];
    } else if (C == '[') {
      InBracket = true;
      ClassStart = I + 1;
    } else if (C == '{') {
      ++Braces;
    } else if (C == '}' && Braces) {
      --Braces;
    } else if (C == '/' && !Braces) {
      Levels.emplace_back();
      continue;
    }
    Levels.back() += C;
  }
  return Levels;
}

} // namespace

llvm::Expected<PathGlob> PathGlob::create(llvm::StringRef Glob) {
  PathGlob Result;
  auto Texts = std::make_shared<std::vector<std::string>>(levels(Glob));
  for (const std::string &Level : *Texts) {
    if (Level == "**") {
      Result.Levels.push_back(std::nullopt);
      continue;
    }
    // At most 1024 alternatives from braces: `{a,b}{c,d}…` multiplies.
    auto Pattern = llvm::GlobPattern::create(Level, /*MaxSubPatterns=*/1024);
    if (!Pattern)
      return Pattern.takeError();
    Result.Levels.push_back(std::move(*Pattern));
  }
  Result.Texts = std::move(Texts);
  return Result;
}

std::vector<std::string> splitGlobLists(llvm::ArrayRef<std::string> Lists) {
  std::vector<std::string> Globs;
  for (const std::string &List : Lists) {
    std::string Current;
    int Depth = 0; // inside braces or brackets
    for (char C : List) {
      if (C == ',' && Depth == 0) {
        if (!Current.empty())
          Globs.push_back(std::move(Current));
        Current.clear();
        continue;
      }
      if (C == '{' || C == '[')
        ++Depth;
      else if ((C == '}' || C == ']') && Depth > 0)
        --Depth;
      Current += C;
    }
    if (!Current.empty())
      Globs.push_back(std::move(Current));
  }
  return Globs;
}

bool PathGlob::match(llvm::StringRef Path) const {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  Path.split(Parts, '/');
  // Reached[J]: the levels so far can match the first J parts.
  std::vector<bool> Reached(Parts.size() + 1, false);
  Reached[0] = true;
  for (const std::optional<llvm::GlobPattern> &Level : Levels) {
    std::vector<bool> Next(Parts.size() + 1, false);
    for (size_t J = 0; J <= Parts.size(); ++J) {
      if (!Reached[J])
        continue;
      if (!Level) { // `**`: zero or more folders
        for (size_t K = J; K <= Parts.size(); ++K)
          Next[K] = true;
        break;
      }
      if (J < Parts.size() && Level->match(Parts[J]))
        Next[J + 1] = true;
    }
    Reached = std::move(Next);
  }
  return Reached[Parts.size()];
}

} // namespace session_lint
