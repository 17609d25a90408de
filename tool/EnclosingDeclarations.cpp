//===--- EnclosingDeclarations.cpp - Which declaration a finding is in ----===//

#include "EnclosingDeclarations.h"
#include "RunResult.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace session_lint {
namespace {

class Recorder : public ASTConsumer {
public:
  Recorder(llvm::StringMap<std::vector<EnclosingDeclarations::Extent>> &ByFile,
           std::map<std::string, std::string> &UserFiles, std::string Directory)
      : ByFile(ByFile), UserFiles(UserFiles), Directory(std::move(Directory)) {}

  void HandleTranslationUnit(ASTContext &Context) override {
    SM = &Context.getSourceManager();
    pathOf(SM->getMainFileID());
    visitContext(Context.getTranslationUnitDecl());
  }

private:
  void visitContext(const DeclContext *DC) {
    for (const Decl *D : DC->decls())
      visit(D);
  }

  void visit(const Decl *D) {
    if (const auto *Template = dyn_cast<TemplateDecl>(D))
      if (const Decl *Templated = Template->getTemplatedDecl())
        D = Templated;
    SourceLocation Begin = SM->getExpansionLoc(D->getBeginLoc());
    if (Begin.isInvalid() || SM->isInSystemHeader(Begin))
      return;
    if (const auto *Named = dyn_cast<NamedDecl>(D);
        Named && (isa<FunctionDecl, RecordDecl, VarDecl, NamespaceDecl,
                      EnumDecl, FieldDecl, TypedefNameDecl>(Named)))
      record(Named, Begin);
    if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D) ||
        isa<CXXRecordDecl>(D))
      visitContext(cast<DeclContext>(D));
  }

  void record(const NamedDecl *D, SourceLocation Begin) {
    SourceLocation End = SM->getExpansionRange(D->getEndLoc()).getEnd();
    auto [FID, BeginOffset] = SM->getDecomposedLoc(Begin);
    auto [EndFID, EndOffset] = SM->getDecomposedLoc(End);
    if (FID != EndFID)
      return;
    std::string Name = D->getQualifiedNameAsString();
    const std::string &Path = pathOf(FID);
    if (Name.empty() || Path.empty())
      return;
    ByFile[Path].push_back({BeginOffset, EndOffset + 1, std::move(Name)});
  }

  /// The file's absolute path ("" for no file); the first time, its text's
  /// hash is recorded too: fixes are applied only to text that is unchanged.
  const std::string &pathOf(FileID FID) {
    std::string &Path = PathOf[FID];
    if (!Path.empty())
      return Path;
    OptionalFileEntryRef Entry = SM->getFileEntryRefForID(FID);
    if (!Entry)
      return Path;
    Path = absoluteFrom(Directory, Entry->getName());
    UserFiles[Path] = contentHash(SM->getBufferData(FID));
    return Path;
  }

  llvm::StringMap<std::vector<EnclosingDeclarations::Extent>> &ByFile;
  std::map<std::string, std::string> &UserFiles;
  std::string Directory;
  const SourceManager *SM = nullptr;
  llvm::DenseMap<FileID, std::string> PathOf;
};

} // namespace

std::unique_ptr<ASTConsumer>
EnclosingDeclarations::recorder(std::string Directory) {
  return std::make_unique<Recorder>(ByFile, UserFiles, std::move(Directory));
}

std::string EnclosingDeclarations::around(llvm::StringRef File,
                                          unsigned Offset) const {
  auto It = ByFile.find(File);
  if (It == ByFile.end())
    return "";
  const Extent *Best = nullptr;
  for (const Extent &E : It->second)
    if (E.Begin <= Offset && Offset < E.End &&
        (!Best || E.End - E.Begin < Best->End - Best->Begin))
      Best = &E;
  return Best ? Best->Name : "";
}

} // namespace session_lint
