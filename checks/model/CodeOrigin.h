//===--- CodeOrigin.h - Whose code a file is: the user's or a library's ---===//
//
// Where a declaration comes from decides how it is judged: the user's code is
// analyzed, a client library's own code is described by the catalog, and
// other installed code (Qt's QString, Boost) is nobody's domain. The answer
// comes from where Clang resolved the file, never from its name or folder:
//
// * a file is a catalogued library's own when it declares one of that
//   library's catalogued names (`PQconnectdb`, `struct st_mysql`,
//   `QSqlDatabase`, ...) as this unit resolved them — which also finds a
//   library vendored into a project's tree —, when it lies in the folder of
//   such a file (the library's header tree: `third_party/hiredis/`) unless
//   that folder is an include root or holds the unit's main file (a vendored
//   `sqlite3.h` beside the project's sources), or when it is an installed
//   file (below) inside the library's known header tree (`/QtSql/`,
//   `mysql.h` of MariaDB);
// * a file is installed when it lies under one of the unit's system header
//   search directories (`/usr/include`, `-isystem` folders), also when a
//   `-I` flag reached it first (qmake passes Qt's headers that way).
//
// A user's `mysql.h` or a `src/soci/` folder is therefore the user's code.
// Answers are cached per file; the catalog's names are looked up once per
// unit, through the translation unit's own lookup tables.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_CODEORIGIN_H
#define SESSION_LINT_MODEL_CODEORIGIN_H

#include "model/Catalog.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include <string>
#include <vector>

namespace clang {
class HeaderSearch;
} // namespace clang

namespace clang::tidy::session {

class CodeOrigin {
public:
  explicit CodeOrigin(const std::vector<const LibraryEntry *> &Libraries)
      : Libraries(Libraries) {}

  /// Records the unit's system header directories (from its preprocessor);
  /// without them only Clang's own system-header verdict counts.
  void setHeaderSearch(const HeaderSearch &Search);

  /// The catalogued library whose own file holds \p Loc, if any.
  const LibraryEntry *libraryAt(SourceLocation Loc, ASTContext &Context);

  /// True for code the user did not write: a system header, an installed
  /// header, or a catalogued library's own file.
  bool isThirdParty(SourceLocation Loc, ASTContext &Context);

private:
  struct FileOrigin {
    const LibraryEntry *Library = nullptr;
    bool ThirdParty = false;
  };
  const FileOrigin &originOf(FileID File, ASTContext &Context);
  void findAnchors(ASTContext &Context);
  bool isInstalled(FileEntryRef File, FileManager &Files) const;

  const std::vector<const LibraryEntry *> &Libraries;
  std::vector<std::string> SystemDirectories;
  /// Every include root, system or not.
  std::vector<std::string> SearchRoots;
  /// The folders of the libraries' own header trees (see above).
  std::vector<std::pair<std::string, const LibraryEntry *>> HomeFolders;
  /// Files declaring a catalogued name, and the library they belong to.
  llvm::DenseMap<FileID, const LibraryEntry *> Anchors;
  bool AnchorsFound = false;
  llvm::DenseMap<FileID, FileOrigin> Origins;
};

} // namespace clang::tidy::session

#endif
