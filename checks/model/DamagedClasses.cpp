//===--- DamagedClasses.cpp - What a compile error left of a class --------===//

#include "model/DamagedClasses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::session {
namespace {

/// The bases written in the text between a class's name and its `{`
/// (`Name<Args> final : public A, B<C, D>`): top-level commas after the
/// first single colon, plus one.
unsigned basesWritten(llvm::StringRef Head) {
  unsigned Nesting = 0, Count = 0;
  for (size_t I = 0; I < Head.size(); ++I) {
    char C = Head[I];
    if (C == '<' || C == '(' || C == '[')
      ++Nesting;
    else if ((C == '>' || C == ')' || C == ']') && Nesting)
      --Nesting;
    else if (C == ':' && Nesting == 0) {
      if (I + 1 < Head.size() && Head[I + 1] == ':') {
        ++I; // a qualified name
        continue;
      }
      if (Count == 0)
        Count = 1;
    } else if (C == ',' && Nesting == 0 && Count)
      ++Count;
  }
  return Count;
}

} // namespace

bool lostABase(const CXXRecordDecl *Class) {
  const CXXRecordDecl *Definition = Class->getDefinition();
  const ASTContext &Context = Class->getASTContext();
  // Bases are only lost to an error; a clean unit is not read again.
  if (!Definition || !Context.getDiagnostics().hasErrorOccurred())
    return false;
  const SourceManager &Sources = Context.getSourceManager();
  SourceLocation Name = Definition->getLocation();
  SourceLocation Brace = Definition->getBraceRange().getBegin();
  if (Name.isMacroID() || Brace.isMacroID() || Brace.isInvalid() ||
      Sources.getFileID(Name) != Sources.getFileID(Brace))
    return false;
  llvm::StringRef Head = Lexer::getSourceText(
      CharSourceRange::getCharRange(Name, Brace), Sources,
      Context.getLangOpts());
  return basesWritten(Head) > Definition->getNumBases();
}

bool isJudgeable(const CXXRecordDecl *Class) {
  if (lostABase(Class))
    return false;
  if (!Class->isInvalidDecl())
    return true;
  return llvm::any_of(Class->fields(), [](const FieldDecl *Field) {
    return Field->isInvalidDecl();
  });
}

llvm::ArrayRef<const CXXMethodDecl *>
StrayDefinitions::of(const CXXRecordDecl *Class) {
  if (!Indexed) {
    Indexed = true;
    const ASTContext &Context = Class->getASTContext();
    if (Context.getDiagnostics().hasErrorOccurred())
      index(Context.getTranslationUnitDecl());
  }
  auto Found = ByClass.find(Class->getCanonicalDecl());
  if (Found == ByClass.end())
    return {};
  return Found->second;
}

void StrayDefinitions::index(const DeclContext *Context) {
  for (const Decl *D : Context->decls()) {
    if (isa<NamespaceDecl, LinkageSpecDecl>(D)) {
      index(cast<DeclContext>(D));
      continue;
    }
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      D = Template->getTemplatedDecl();
    const auto *Method = dyn_cast<CXXMethodDecl>(D);
    if (Method && Method->isInvalidDecl() && Method->isOutOfLine() &&
        !Method->getPreviousDecl() && Method->doesThisDeclarationHaveABody())
      ByClass[Method->getParent()->getCanonicalDecl()].push_back(Method);
  }
}

} // namespace clang::tidy::session
