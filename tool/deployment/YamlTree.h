//===--- YamlTree.h - Deployment YAML as a plain tree ---------------------===//
//
// Compose files and Kubernetes manifests are read by looking keys up in any
// order, often more than once; llvm::yaml's nodes can be walked only once,
// in document order. So each document is copied into this small tree first,
// and the readers query the copy.
//
// The copy is bounded: the text has passed checkNesting, and a document with
// more than NodeLimit nodes, an alias, or a syntax error is an error naming
// the file and line, never a partial tree.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_DEPLOYMENT_YAMLTREE_H
#define SESSION_LINT_TOOL_DEPLOYMENT_YAMLTREE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace session_lint {

struct YamlNode {
  enum class Kind { Null, Scalar, Sequence, Mapping };
  Kind Type = Kind::Null;
  std::string Text; // of a scalar
  std::vector<YamlNode> Items;
  std::vector<std::pair<std::string, YamlNode>> Entries;
  unsigned Line = 0;
  /// For a mapping's value, the line of its key (`api:` of a service).
  unsigned KeyLine = 0;

  bool isScalar() const { return Type == Kind::Scalar; }
  bool isSequence() const { return Type == Kind::Sequence; }
  bool isMapping() const { return Type == Kind::Mapping; }
  /// The value of \p Key in a mapping; null when absent or not a mapping.
  const YamlNode *get(llvm::StringRef Key) const;
  /// get() of each key in turn: `at({"spec", "template", "spec"})`.
  const YamlNode *at(std::initializer_list<llvm::StringRef> Path) const;
  /// A scalar's text, or "" for anything else.
  llvm::StringRef scalar() const {
    // Both arms StringRef: `? Text : ""` would make a temporary string.
    return isScalar() ? llvm::StringRef(Text) : llvm::StringRef();
  }
};

constexpr size_t YamlNodeLimit = 200000;

/// The documents of \p Text (\p Name in messages); empty documents are left
/// out.
llvm::Expected<std::vector<YamlNode>> parseYamlDocuments(llvm::StringRef Text,
                                                         llvm::StringRef Name);

/// A non-negative integer written as a scalar ("4", '"100"'), else nothing.
std::optional<int64_t> yamlCount(const YamlNode *Node);

/// A scalar or a sequence of scalars as a list of strings ("a" → {"a"}).
std::vector<std::string> yamlStrings(const YamlNode *Node);

} // namespace session_lint

#endif
