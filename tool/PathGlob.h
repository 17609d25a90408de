//===--- PathGlob.h - Shell-style globs over paths ------------------------===//
//
// The deployment file's `sources` and the batch's --include/--exclude match
// paths with the globs of .gitignore and the shell: `*`, `?`, `[abc]` and
// `[!x]` stay within one folder, `{a,b}` is either, and a `**` folder
// matches zero or more folders (`src/**/*.cpp` is every .cpp under src/,
// src/ itself included). Each folder level is matched by llvm::GlobPattern,
// the matcher of lld's and llvm-objcopy's globs, so `*` never crosses a `/`.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_PATHGLOB_H
#define SESSION_LINT_TOOL_PATHGLOB_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/GlobPattern.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace session_lint {

class PathGlob {
public:
  /// An error names what is wrong with \p Glob (an unclosed bracket or
  /// brace).
  static llvm::Expected<PathGlob> create(llvm::StringRef Glob);

  /// Whether \p Path (written with '/', as the glob) matches, whole.
  bool match(llvm::StringRef Path) const;

private:
  // The patterns refer into the text of their folder level: it is kept
  // here, never moved.
  std::shared_ptr<const std::vector<std::string>> Texts;
  std::vector<std::optional<llvm::GlobPattern>> Levels; // nullopt: `**`
};

/// The globs of comma-separated lists (--include=a/**,b/*.cpp), where a
/// comma inside `{...}` or `[...]` is part of its glob.
std::vector<std::string> splitGlobLists(llvm::ArrayRef<std::string> Lists);

} // namespace session_lint

#endif
