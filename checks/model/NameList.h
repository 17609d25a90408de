//===--- NameList.h - Qualified names and patterns from an option ---------===//
//
// A set of fully qualified names as users write them in a `;`-list option:
// plain names match exactly (a leading "::" is ignored), entries starting
// with '^' are regular expressions matched against the qualified name.
// Parsing validates every pattern so that a typo is a configuration error
// naming the option, not a silently empty list.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_NAMELIST_H
#define SESSION_LINT_MODEL_NAMELIST_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace clang::tidy::session {

class NameList {
public:
  /// Parses \p Value, a `;`-separated list. Fails on an invalid pattern.
  static llvm::Expected<NameList> parse(llvm::StringRef Value);

  void addExact(llvm::StringRef Name) { Exact.insert(Name); }
  bool matches(llvm::StringRef QualifiedName) const;
  bool empty() const { return Exact.empty() && Patterns.empty(); }
  /// The list as it was written, to echo back in --dump-config.
  const std::string &text() const { return Text; }

private:
  std::string Text;
  llvm::StringSet<> Exact;
  std::vector<std::unique_ptr<llvm::Regex>> Patterns;
};

} // namespace clang::tidy::session

#endif
