//===--- YamlTree.cpp - Deployment YAML as a plain tree -------------------===//

#include "YamlTree.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/raw_ostream.h"

namespace session_lint {
namespace {

namespace yaml = llvm::yaml;

class Copier {
public:
  Copier(llvm::SourceMgr &SM, llvm::StringRef Name) : SM(SM), Name(Name) {}

  /// False after an error (said in Problem).
  bool copy(yaml::Node *From, YamlNode &To) {
    if (!From)
      return true;
    if (++Nodes > YamlNodeLimit)
      return fail(From, "more than " + llvm::Twine(YamlNodeLimit) +
                            " YAML nodes");
    To.Line = lineOf(From);
    llvm::SmallString<64> Storage;
    switch (From->getType()) {
    case yaml::Node::NK_Null:
      To.Type = YamlNode::Kind::Null;
      return true;
    case yaml::Node::NK_Scalar:
      To.Type = YamlNode::Kind::Scalar;
      To.Text = llvm::cast<yaml::ScalarNode>(From)->getValue(Storage).str();
      return true;
    case yaml::Node::NK_BlockScalar:
      To.Type = YamlNode::Kind::Scalar;
      To.Text = llvm::cast<yaml::BlockScalarNode>(From)->getValue().str();
      return true;
    case yaml::Node::NK_Sequence:
      To.Type = YamlNode::Kind::Sequence;
      for (yaml::Node &Item : *llvm::cast<yaml::SequenceNode>(From)) {
        To.Items.emplace_back();
        if (!copy(&Item, To.Items.back()))
          return false;
      }
      return true;
    case yaml::Node::NK_Mapping:
      To.Type = YamlNode::Kind::Mapping;
      for (yaml::KeyValueNode &Entry : *llvm::cast<yaml::MappingNode>(From)) {
        auto *Key = llvm::dyn_cast_or_null<yaml::ScalarNode>(Entry.getKey());
        if (!Key)
          return fail(Entry.getKey() ? Entry.getKey() : From,
                      "a mapping key that is not a plain value");
        // An alias's own range ends up past it; its key says the line.
        if (llvm::isa_and_nonnull<yaml::AliasNode>(Entry.getValue()))
          return fail(Key, "YAML aliases are not supported");
        To.Entries.emplace_back(Key->getValue(Storage).str(), YamlNode());
        if (!copy(Entry.getValue(), To.Entries.back().second))
          return false;
        To.Entries.back().second.KeyLine =
            SM.FindLineNumber(Key->getSourceRange().Start);
      }
      return true;
    case yaml::Node::NK_Alias:
      // Anchors and aliases (`<<: *defaults`) would let a small file expand
      // without bound; deployment files that use them are refused by name.
      return fail(From, "YAML aliases are not supported");
    case yaml::Node::NK_KeyValue:
      break;
    }
    return fail(From, "unexpected YAML node");
  }

  bool fail(yaml::Node *At, const llvm::Twine &Message) {
    if (Problem.empty())
      Problem = (Name + ":" +
                 llvm::Twine(lineOf(At)) +
                 ": " + Message)
                    .str();
    return false;
  }

  std::string Problem;

private:
  /// The parser gives a node built after a scanner error a location outside
  /// the text (null); SourceMgr would read out of bounds for it. Such a node
  /// takes the line of the last node that had one.
  unsigned lineOf(yaml::Node *Node) {
    llvm::SMLoc Start = Node->getSourceRange().Start;
    if (Start.isValid() && SM.FindBufferContainingLoc(Start) != 0)
      LastLine = SM.FindLineNumber(Start);
    return LastLine;
  }

  unsigned LastLine = 1;
  llvm::SourceMgr &SM;
  llvm::StringRef Name;
  size_t Nodes = 0;
};

} // namespace

const YamlNode *YamlNode::get(llvm::StringRef Key) const {
  for (const auto &[Name, Value] : Entries)
    if (Name == Key)
      return &Value;
  return nullptr;
}

const YamlNode *YamlNode::at(std::initializer_list<llvm::StringRef> Path) const {
  const YamlNode *Node = this;
  for (llvm::StringRef Key : Path)
    if (!(Node = Node->get(Key)))
      return nullptr;
  return Node;
}

llvm::Expected<std::vector<YamlNode>> parseYamlDocuments(llvm::StringRef Text,
                                                         llvm::StringRef Name) {
  llvm::SourceMgr SM;
  std::string Diagnostics;
  llvm::raw_string_ostream DiagStream(Diagnostics);
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &Diag, void *Context) {
        auto &OS = *static_cast<llvm::raw_ostream *>(Context);
        if (OS.tell() == 0) // the first error explains; the rest follow it
          Diag.print(nullptr, OS, /*ShowColors=*/false);
      },
      &DiagStream);
  yaml::Stream Stream(Text, SM);
  Copier Copy(SM, Name);
  std::vector<YamlNode> Documents;
  for (yaml::Document &Document : Stream) {
    YamlNode Root;
    bool Copied = Copy.copy(Document.getRoot(), Root);
    if (!Copied || Stream.failed())
      break;
    if (Root.Type != YamlNode::Kind::Null)
      Documents.push_back(std::move(Root));
  }
  if (Stream.failed() || !Diagnostics.empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "invalid YAML: " + llvm::StringRef(Diagnostics).rtrim().str());
  if (!Copy.Problem.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Copy.Problem);
  return Documents;
}

std::optional<int64_t> yamlCount(const YamlNode *Node) {
  int64_t Value = 0;
  if (!Node || !Node->isScalar() ||
      llvm::StringRef(Node->Text).trim().getAsInteger(10, Value) || Value < 0)
    return std::nullopt;
  return Value;
}

std::vector<std::string> yamlStrings(const YamlNode *Node) {
  std::vector<std::string> Strings;
  if (!Node)
    return Strings;
  if (Node->isScalar())
    Strings.push_back(Node->Text);
  for (const YamlNode &Item : Node->Items)
    if (Item.isScalar())
      Strings.push_back(Item.Text);
  return Strings;
}

} // namespace session_lint
