//===--- OwnerFix.cpp - The unique_ptr owner for a C handle, as a fix-it --===//

#include "model/OwnerFix.h"
#include "clang/AST/ParentMap.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::session {
namespace {

void collectReferences(const Stmt *S, const ValueDecl *Handle,
                       std::vector<const DeclRefExpr *> &Found) {
  if (!S)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Ref->getDecl() == Handle)
    Found.push_back(Ref);
  for (const Stmt *Child : S->children())
    collectReferences(Child, Handle, Found);
}

bool refersTo(const Stmt *S, const ValueDecl *Handle) {
  std::vector<const DeclRefExpr *> Found;
  collectReferences(S, Handle, Found);
  return !Found.empty();
}

/// The statement that releases the handle as the body's last act: the last
/// statement, or the one before a closing `return` whose value has no side
/// effects and does not name the handle.
const Stmt *closingStatement(const CompoundStmt *Body, const ValueDecl *Handle,
                             const ASTContext &Context) {
  if (Body->size() < 2)
    return nullptr;
  const Stmt *const *Last = Body->body_end() - 1;
  if (const auto *Return = dyn_cast<ReturnStmt>(*Last)) {
    const Expr *Value = Return->getRetValue();
    if (Value && (Value->HasSideEffects(Context) || refersTo(Value, Handle)))
      return nullptr;
    --Last;
  }
  return *Last;
}

/// The release call `release(handle)` that \p S is, if it is one.
const CallExpr *releaseCall(const Stmt *S, const ValueDecl *Handle) {
  const auto *Call = dyn_cast_or_null<CallExpr>(
      isa<Expr>(S) ? cast<Expr>(S)->IgnoreImplicit() : nullptr);
  if (!Call || Call->getNumArgs() != 1 || !Call->getDirectCallee())
    return nullptr;
  const auto *Arg = dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts());
  if (!Arg || Arg->getDecl() != Handle)
    return nullptr;
  const FunctionDecl *Release = Call->getDirectCallee();
  if (Release->getNumParams() != 1 ||
      !Release->getParamDecl(0)->getType()->isPointerType() ||
      Release->getParamDecl(0)->getType().getCanonicalType() !=
          Handle->getType().getCanonicalType().getUnqualifiedType())
    return nullptr;
  return Call;
}

/// The range that removes statement \p S with its semicolon: its whole line
/// when nothing else is on it.
std::optional<CharSourceRange> statementRange(const Stmt *S,
                                              const SourceManager &SM,
                                              const LangOptions &Lang) {
  SourceLocation Semi = Lexer::findLocationAfterToken(
      S->getEndLoc(), tok::semi, SM, Lang, /*SkipTrailingWhitespaceAndNewLine=*/
      false);
  if (Semi.isInvalid())
    return std::nullopt;
  auto [File, Begin] = SM.getDecomposedLoc(S->getBeginLoc());
  unsigned End = SM.getFileOffset(Semi);
  StringRef Text = SM.getBufferData(File);
  unsigned LineStart = Text.rfind('\n', Begin) + 1; // npos + 1 == 0
  unsigned LineEnd = Text.find('\n', End);
  // The line break before the statement goes with it: the one after it
  // ends the line before.
  if (LineStart > 0 && LineEnd != StringRef::npos &&
      Text.slice(LineStart, Begin).trim().empty() &&
      Text.slice(End, LineEnd).trim().empty()) {
    SourceLocation FileStart = SM.getLocForStartOfFile(File);
    return CharSourceRange::getCharRange(
        FileStart.getLocWithOffset(LineStart - 1),
        FileStart.getLocWithOffset(End));
  }
  return CharSourceRange::getCharRange(S->getBeginLoc(), Semi);
}

} // namespace

std::optional<OwnerFix> ownerFix(const FunctionDecl *Function,
                                 const Leak &Found, HandleUses &Uses,
                                 ASTContext &Context) {
  const LangOptions &Lang = Context.getLangOpts();
  const SourceManager &SM = Context.getSourceManager();
  const Acquisition &A = Found.Acquired;
  // An exit other than the end: a leak the closing release does not cover.
  if (!Lang.CPlusPlus11 || !A.CHandle || A.OutParam ||
      (Found.Kind != LeakKind::Return && Found.Kind != LeakKind::Throw &&
       Found.Kind != LeakKind::MayThrow) ||
      Function->isDependentContext())
    return std::nullopt;
  const auto *Var = dyn_cast_or_null<VarDecl>(Found.Handle);
  if (!Var || isa<ParmVarDecl>(Var) || !Var->isLocalVarDecl() ||
      !Var->hasLocalStorage() || Var->getInitStyle() != VarDecl::CInit ||
      !Var->getInit() || Var->getInit()->IgnoreParenImpCasts() != A.Site)
    return std::nullopt;
  QualType Pointer = Var->getType();
  if (!Pointer->isPointerType() ||
      Pointer->getPointeeType().hasQualifiers())
    return std::nullopt;

  const auto *Body = dyn_cast_or_null<CompoundStmt>(Function->getBody());
  if (!Body)
    return std::nullopt;
  ParentMap Parents(const_cast<CompoundStmt *>(Body));
  // The variable is declared alone, in the body itself: its owner's scope
  // ends where the closing release is.
  const DeclStmt *Declaration = nullptr;
  for (const Stmt *S = A.Site; S && !Declaration; S = Parents.getParent(S))
    Declaration = dyn_cast<DeclStmt>(S);
  if (!Declaration || !Declaration->isSingleDecl() ||
      Declaration->getSingleDecl() != Var ||
      Parents.getParent(Declaration) != Body)
    return std::nullopt;

  const Stmt *Closing = closingStatement(Body, Var, Context);
  const CallExpr *Release = Closing ? releaseCall(Closing, Var) : nullptr;
  if (!Release ||
      Uses.classifyUse(Release->getArg(0)->IgnoreParenImpCasts(), Var, Parents)
              .Kind != UseKind::Release)
    return std::nullopt;

  // Every other use reads the pointer's value as a borrow.
  std::vector<const DeclRefExpr *> References;
  collectReferences(Body, Var, References);
  const Expr *Released = Release->getArg(0)->IgnoreParenImpCasts();
  for (const DeclRefExpr *Ref : References) {
    if (Ref == Released)
      continue;
    const auto *Read = dyn_cast_or_null<ImplicitCastExpr>(Parents.getParent(Ref));
    if (!Read || Read->getCastKind() != CK_LValueToRValue ||
        Ref->getLocation().isMacroID() ||
        Uses.classifyUse(Ref, Var, Parents).Kind != UseKind::Borrow)
      return std::nullopt;
  }

  SourceRange Written(Declaration->getBeginLoc(), Var->getInit()->getEndLoc());
  if (Written.getBegin().isMacroID() || Written.getEnd().isMacroID() ||
      Closing->getBeginLoc().isMacroID() || Closing->getEndLoc().isMacroID() ||
      !SM.isWrittenInSameFile(Written.getBegin(), Closing->getEndLoc()))
    return std::nullopt;
  std::optional<CharSourceRange> Removed = statementRange(Closing, SM, Lang);
  if (!Removed)
    return std::nullopt;

  PrintingPolicy Policy(Lang);
  Policy.SuppressTagKeyword = true;
  std::string Element = Pointer->getPointeeType().getAsString(Policy);
  std::string Deleter =
      "&" + Release->getDirectCallee()->getQualifiedNameAsString();
  StringRef Init = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Var->getInit()->getSourceRange()), SM,
      Lang);
  OwnerFix Fix;
  Fix.File = SM.getFileID(Written.getBegin());
  Fix.Edits.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Written),
      ("std::unique_ptr<" + Element + ", decltype(" + Deleter + ")> " +
       Var->getName() + "(" + Init + ", " + Deleter + ")")
          .str()));
  for (const DeclRefExpr *Ref : References)
    if (Ref != Released)
      Fix.Edits.push_back(FixItHint::CreateInsertion(
          Lexer::getLocForEndOfToken(Ref->getEndLoc(), 0, SM, Lang),
          ".get()"));
  Fix.Edits.push_back(FixItHint::CreateRemoval(*Removed));
  return Fix;
}

} // namespace clang::tidy::session
