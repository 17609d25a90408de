//===--- CodeOrigin.cpp - Whose code a file is: the user's or a library's -===//

#include "model/CodeOrigin.h"
#include "clang/AST/DeclBase.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/HeaderSearch.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::session {
namespace {

/// The declaration a fully qualified catalog name ("pqxx::connection",
/// "QSqlDatabase::addDatabase", "PQconnectdb") resolves to in this unit,
/// found through the lookup tables of each enclosing context.
const NamedDecl *lookupQualified(ASTContext &Context, llvm::StringRef Name) {
  const DeclContext *Scope = Context.getTranslationUnitDecl();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  for (size_t I = 0; I < Parts.size(); ++I) {
    // Only names the unit already knows: looking one up must not add it.
    auto Id = Context.Idents.find(Parts[I]);
    if (Id == Context.Idents.end())
      return nullptr;
    DeclContext::lookup_result Found =
        Scope->getPrimaryContext()->lookup(DeclarationName(Id->getValue()));
    if (Found.empty())
      return nullptr;
    const NamedDecl *Decl = Found.front();
    if (I + 1 == Parts.size())
      return Decl;
    Scope = dyn_cast<DeclContext>(Decl);
    if (!Scope)
      return nullptr;
  }
  return nullptr;
}

/// True if the path of an installed file lies in \p Library's known header
/// tree ("/QtSql/" anywhere in it, or a file name such as "mysql.h").
bool isUnder(llvm::StringRef Path, llvm::StringRef Dir) {
  return Path.starts_with(Dir) && Path.size() > Dir.size() &&
         llvm::sys::path::is_separator(Path[Dir.size()]);
}

bool inHomeHeaders(const LibraryEntry &Library, llvm::StringRef Path) {
  llvm::StringRef FileName = llvm::sys::path::filename(Path);
  for (llvm::StringRef Home : Library.HomeHeaders)
    if (Home.starts_with("/") ? Path.contains(Home) : FileName == Home)
      return true;
  return false;
}

} // namespace

void CodeOrigin::setHeaderSearch(const HeaderSearch &Search) {
  SystemDirectories.clear();
  SearchRoots.clear();
  FileManager &Files = Search.getFileMgr();
  for (const DirectoryLookup &Lookup : Search.search_dir_range()) {
    OptionalDirectoryEntryRef Dir = Lookup.getDirRef();
    if (!Dir)
      continue;
    SearchRoots.push_back(Files.getCanonicalName(*Dir).str());
    if (Lookup.isSystemHeaderDirectory())
      SystemDirectories.push_back(SearchRoots.back());
  }
  Origins.clear();
}

void CodeOrigin::findAnchors(ASTContext &Context) {
  AnchorsFound = true;
  const SourceManager &SM = Context.getSourceManager();
  auto Anchor = [&](llvm::StringRef Name, const LibraryEntry *Library) {
    const NamedDecl *Decl = lookupQualified(Context, Name);
    if (!Decl)
      return;
    FileID File = SM.getFileID(SM.getExpansionLoc(Decl->getLocation()));
    if (File.isInvalid() || !Anchors.try_emplace(File, Library).second)
      return;
    OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
    if (!Entry)
      return;
    llvm::StringRef Folder = llvm::sys::path::parent_path(
        SM.getFileManager().getCanonicalName(*Entry));
    if (Folder.empty() || llvm::is_contained(SearchRoots, Folder) ||
        llvm::any_of(HomeFolders,
                     [&](const auto &Home) { return Home.first == Folder; }))
      return;
    OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
    if (Main && isUnder(SM.getFileManager().getCanonicalName(*Main), Folder))
      return;
    HomeFolders.push_back({Folder.str(), Library});
  };
  for (const LibraryEntry *Library : Libraries) {
    for (llvm::StringRef Name : Library->SessionTypes)
      Anchor(Name, Library);
    for (llvm::StringRef Name : Library->Pools)
      Anchor(Name, Library);
    for (llvm::StringRef Name : Library->TransactionGuards)
      Anchor(Name, Library);
    for (llvm::StringRef Name : Library->BeginFunctions)
      Anchor(Name, Library);
    for (const AcquireReleasePair &Pair : Library->AcquireRelease) {
      Anchor(Pair.Acquire, Library);
      Anchor(Pair.Release, Library);
    }
  }
}

bool CodeOrigin::isInstalled(FileEntryRef File, FileManager &Files) const {
  if (SystemDirectories.empty())
    return false;
  llvm::StringRef Path = Files.getCanonicalName(File);
  return llvm::any_of(SystemDirectories,
                      [&](const std::string &Dir) { return isUnder(Path, Dir); });
}

const CodeOrigin::FileOrigin &CodeOrigin::originOf(FileID File,
                                                   ASTContext &Context) {
  auto [It, Inserted] = Origins.try_emplace(File);
  if (!Inserted)
    return It->second;
  if (!AnchorsFound)
    findAnchors(Context);
  FileOrigin Origin;
  SourceManager &SM = Context.getSourceManager();
  if (const LibraryEntry *Library = Anchors.lookup(File)) {
    Origin.Library = Library;
    Origin.ThirdParty = true;
  } else if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File)) {
    llvm::StringRef Path = SM.getFileManager().getCanonicalName(*Entry);
    for (const auto &[Folder, Library] : HomeFolders)
      if (isUnder(Path, Folder)) {
        Origin.Library = Library;
        Origin.ThirdParty = true;
        break;
      }
    bool System = SM.isInSystemHeader(SM.getLocForStartOfFile(File));
    if (!Origin.Library &&
        (System || isInstalled(*Entry, SM.getFileManager()))) {
      Origin.ThirdParty = true;
      for (const LibraryEntry *Library : Libraries)
        if (inHomeHeaders(*Library, Path)) {
          Origin.Library = Library;
          break;
        }
    }
  }
  // The map may have grown while the anchors were looked up.
  return Origins[File] = Origin;
}

const LibraryEntry *CodeOrigin::libraryAt(SourceLocation Loc,
                                          ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
  if (File.isInvalid())
    return nullptr;
  return originOf(File, Context).Library;
}

bool CodeOrigin::isThirdParty(SourceLocation Loc, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  if (Expansion.isInvalid())
    return false;
  if (SM.isInSystemHeader(Expansion))
    return true;
  return originOf(SM.getFileID(Expansion), Context).ThirdParty;
}

} // namespace clang::tidy::session
