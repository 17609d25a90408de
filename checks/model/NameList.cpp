//===--- NameList.cpp - Qualified names and patterns from an option -------===//

#include "model/NameList.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::session {

llvm::Expected<NameList> NameList::parse(llvm::StringRef Value) {
  NameList List;
  List.Text = Value.str();
  llvm::SmallVector<llvm::StringRef, 8> Items;
  Value.split(Items, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (Item.empty())
      continue;
    if (!Item.starts_with("^")) {
      Item.consume_front("::");
      List.Exact.insert(Item);
      continue;
    }
    auto Pattern = std::make_unique<llvm::Regex>(Item);
    std::string Error;
    if (!Pattern->isValid(Error))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "invalid regular expression '" + Item.str() + "': " + Error);
    List.Patterns.push_back(std::move(Pattern));
  }
  return List;
}

bool NameList::matches(llvm::StringRef QualifiedName) const {
  if (Exact.contains(QualifiedName))
    return true;
  for (const auto &Pattern : Patterns)
    if (Pattern->match(QualifiedName))
      return true;
  return false;
}

} // namespace clang::tidy::session
