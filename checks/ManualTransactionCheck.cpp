//===--- ManualTransactionCheck.cpp - session-manual-transaction ----------===//

#include "ManualTransactionCheck.h"
#include "model/Diagnostics.h"
#include "model/OwnershipAnalysis.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::session {
namespace {

struct CallCollector : RecursiveASTVisitor<CallCollector> {
  llvm::SmallVector<const CallExpr *, 16> Calls;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCallExpr(CallExpr *Call) {
    Calls.push_back(Call);
    return true;
  }
};

const FunctionDecl *directCalleeWithBody(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  const FunctionDecl *Body = nullptr;
  return Callee && Callee->hasBody(Body) ? Body : nullptr;
}

} // namespace

ManualTransactionCheck::ManualTransactionCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : SessionCheck(Name, Context, TypeOptions | TransactionOptions),
      Uses(Config, Model), Tx(Config, Model) {}

void ManualTransactionCheck::registerMatchers(MatchFinder *Finder) {
  if (!configured())
    return;
  matchFunctionDefinitions(Finder);
}

void ManualTransactionCheck::reportGuardable(const CallExpr *Begin,
                                             const TransactionCall &Call,
                                             const FunctionDecl *Function) {
  auto Diag = diag(Begin->getBeginLoc(),
                   "transaction begun by hand with '%0' on %1; use '%2', "
                   "which rolls back when its scope is left without a commit")
              << Call.Spelling << Call.Session << Call.Guard;
  // The mechanical rewrite: `s.begin(); ... s.commit();` in one block, with
  // no other commit or rollback on s, becomes a guard with the same scope.
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Begin);
  const auto *Session = dyn_cast<DeclRefExpr>(
      Call.SessionExpr->IgnoreParenImpCasts());
  if (Call.AsText || !Member || !Session || !Function->getBody())
    return;
  ParentMap Parents(Function->getBody());
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Parents.getParent(Begin));
  if (!Block)
    return;
  CallCollector Calls;
  Calls.TraverseStmt(Function->getBody());
  const CallExpr *Commit = nullptr;
  unsigned Ends = 0;
  for (const CallExpr *Other : Calls.Calls) {
    auto Classified = Tx.classify(Other);
    if (!Classified || Classified->Session != Call.Session || Other == Begin)
      continue;
    if (Classified->Begins)
      return;
    ++Ends;
    const auto *End = dyn_cast<CXXMemberCallExpr>(Other);
    if (End && End->getMethodDecl()->getName() == "commit" &&
        Parents.getParent(Other) == Block)
      Commit = Other;
  }
  if (!Commit || Ends != 1)
    return;
  const SourceManager &SM = Function->getASTContext().getSourceManager();
  const LangOptions &Lang = Function->getASTContext().getLangOpts();
  llvm::StringRef SessionText = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Session->getSourceRange()), SM, Lang);
  const auto *CommitCall = cast<CXXMemberCallExpr>(Commit);
  Diag << FixItHint::CreateReplacement(
              Begin->getSourceRange(),
              (Call.Guard + " Transaction(" + SessionText + ")").str())
       << FixItHint::CreateReplacement(
              CommitCall->getImplicitObjectArgument()->getSourceRange(),
              "Transaction");
}

void ManualTransactionCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (Function->isInvalidDecl())
    return;
  // A guard class's own begin (its constructor) is what guards are for.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function);
      Method && Tx.isGuardClass(Method->getParent()))
    return;
  CallCollector Calls;
  Calls.TraverseStmt(Function->getBody());

  std::vector<FlowEvent> Flow;
  llvm::DenseSet<const ValueDecl *> Opened;
  for (const CallExpr *Call : Calls.Calls) {
    std::optional<TransactionCall> Classified = Tx.classify(Call);
    if (!Classified)
      continue;
    if (Classified->Begins && !Classified->Guard.empty()) {
      reportGuardable(Call, *Classified, Function);
      continue;
    }
    if (Classified->Begins) {
      Opened.insert(Classified->Session);
      Acquisition Begin{Call, nullptr, Classified->Spelling, ""};
      Flow.push_back({Call, Classified->Session, UseKind::Acquire, Begin});
    } else {
      Flow.push_back({Call, Classified->Session, UseKind::Release, {}});
    }
  }
  if (Opened.empty())
    return;
  // A session handed to a function of the project may be committed there.
  for (const CallExpr *Call : Calls.Calls) {
    if (Tx.classify(Call) || !directCalleeWithBody(Call) ||
        Model.isLibraryCode(Call->getDirectCallee()))
      continue;
    for (const Expr *Arg : Call->arguments())
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
        if (Opened.contains(Ref->getDecl()))
          Flow.push_back({Call, Ref->getDecl(), UseKind::HandOn, {}});
  }

  for (const Leak &Open : findUnclosed(Function, Uses, Flow)) {
    // A second begin on an open transaction is the library's error to
    // report, not a path that leaves it open.
    if (Open.Kind == LeakKind::Overwrite || Open.Kind == LeakKind::Redeclared)
      continue;
    diag(Open.Acquired.Site->getBeginLoc(),
         "transaction begun with '%0' on %1 is not ended on every path out "
         "of %2; commit or roll it back on every path, or use a guard class "
         "whose destructor rolls back")
        << Open.Acquired.Acquirer << Open.Handle << Function;
    diag(Open.Where,
         ("the transaction is left open " + describeExit(Open.Kind)).str(),
         DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::session
