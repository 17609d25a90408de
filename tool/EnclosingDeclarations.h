//===--- EnclosingDeclarations.h - Which declaration a finding is in ------===//
//
// A baseline must recognise a finding after unrelated edits move it: its
// fingerprint uses the qualified name of the declaration around it (function,
// class, variable, namespace) rather than its line number. After the checks
// have run, this consumer records the extent of every declaration of the
// translation unit outside system headers (bodies are not walked: local
// classes and lambdas belong to their function), and answers, for a file
// offset, the innermost one.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_ENCLOSINGDECLARATIONS_H
#define SESSION_LINT_TOOL_ENCLOSINGDECLARATIONS_H

#include "clang/AST/ASTConsumer.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace session_lint {

class EnclosingDeclarations {
public:
  /// A consumer that records the declarations of the translation unit; the
  /// paths it records are made absolute against \p Directory.
  std::unique_ptr<clang::ASTConsumer> recorder(std::string Directory);

  /// The qualified name of the innermost declaration around \p Offset of
  /// \p File (absolute), or "" at namespace scope.
  std::string around(llvm::StringRef File, unsigned Offset) const;

  /// The hash of each file outside system headers, as the compiler read it.
  const std::map<std::string, std::string> &userFiles() const {
    return UserFiles;
  }

  struct Extent {
    unsigned Begin, End;
    std::string Name;
  };

private:
  llvm::StringMap<std::vector<Extent>> ByFile;
  std::map<std::string, std::string> UserFiles;
};

} // namespace session_lint

#endif
