//===--- ManualTransactionCheck.cpp - session-manual-transaction ----------===//

#include "ManualTransactionCheck.h"
#include "model/Diagnostics.h"
#include "model/IdentifierWords.h"
#include "model/OwnershipAnalysis.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::session {
namespace {

struct CallCollector : RecursiveASTVisitor<CallCollector> {
  llvm::SmallVector<const CallExpr *, 16> Calls;
  llvm::SmallVector<const LambdaExpr *, 2> Lambdas;
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    Lambdas.push_back(Lambda);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    Calls.push_back(Call);
    return true;
  }
};

/// Does \p Body declare or name something called \p Name?
bool declaresName(const Stmt *Body, llvm::StringRef Name) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::StringRef Name;
    bool Found = false;
    bool VisitNamedDecl(NamedDecl *D) {
      Found |= D->getIdentifier() && D->getName() == Name;
      return !Found;
    }
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      Found |= Ref->getDecl()->getIdentifier() &&
               Ref->getDecl()->getName() == Name;
      return !Found;
    }
  } Search{{}, Name};
  Search.TraverseStmt(const_cast<Stmt *>(Body));
  return Search.Found;
}

/// A begin whose result the code checks (`if (!db.transaction())`,
/// `sqlite3_exec(…) != SQLITE_OK`, a stored PGresult): its failure path has
/// no transaction, on branches the analysis does not follow.
bool resultIsChecked(const CallExpr *Begin, const ParentMap &Parents) {
  const Stmt *Child = Begin;
  const Stmt *Parent = Parents.getParent(Begin);
  while (Parent && isa<ImplicitCastExpr, ParenExpr, ExprWithCleanups>(Parent)) {
    Child = Parent;
    Parent = Parents.getParent(Parent);
  }
  if (!Parent || isa<CompoundStmt>(Parent))
    return false; // discarded
  if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
    if (Call->getCallee() == Child)
      return true;
    // A small predicate of the project (`command_ok(PQexec(c, "BEGIN"))`)
    // tests it, when its own result is tested; PQclear(PQexec(…)) and other
    // calls discard it.
    const FunctionDecl *Callee = Call->getDirectCallee();
    const FunctionDecl *Definition = nullptr;
    return Callee && Callee->getReturnType()->isBooleanType() &&
           Callee->hasBody(Definition) &&
           !Definition->getASTContext().getSourceManager().isInSystemHeader(
               Definition->getLocation()) &&
           resultIsChecked(Call, Parents);
  }
  return true;
}

/// Words of a function with no body here that ends a transaction it is given.
bool endsByName(const FunctionDecl *Function) {
  if (!Function->getIdentifier())
    return false;
  return llvm::any_of(identifierWords(Function->getName()),
                      [](const std::string &Word) {
                        return Word == "commit" || Word == "rollback" ||
                               Word == "abort";
                      });
}

} // namespace

ManualTransactionCheck::ManualTransactionCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : SessionCheck(Name, Context, TypeOptions | TransactionOptions),
      Uses(Config, Model), Tx(Config, Model) {}

void ManualTransactionCheck::registerUserCodeMatchers(
    UserCodeMatchers &Finder) {
  matchFunctionDefinitions(Finder);
}

void ManualTransactionCheck::reportGuardable(
    const CallExpr *Begin, const TransactionCall &Call,
    const FunctionDecl *Function, llvm::ArrayRef<ClassifiedCall> Classifieds) {
  auto Diag = diag(Begin->getBeginLoc(),
                   "transaction begun by hand with '%0' on %1; use '%2', "
                   "which rolls back when its scope is left without a commit")
              << Call.Spelling << Call.Session << Call.Guard;
  // The mechanical rewrite: `s.begin(); ... s.commit();` in one block, with
  // no other commit or rollback on s, becomes a guard with the same scope.
  // Only where it is plainly mechanical: `s.begin()` on an object (not a
  // pointer), a guard whose header the session's header brings (not Poco's),
  // and the name `Transaction` free in the function.
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Begin);
  const auto *Session = dyn_cast<DeclRefExpr>(
      Call.SessionExpr->IgnoreParenImpCasts());
  const auto *Callee = Member ? dyn_cast<MemberExpr>(Member->getCallee())
                              : nullptr;
  if (Call.AsText || !Call.Library || !Member || !Session || !Callee ||
      Callee->isArrow() ||
      Call.Guard == "Poco::Data::Transaction" || !Function->getBody() ||
      declaresName(Function->getBody(), "Transaction"))
    return;
  ParentMap Parents(Function->getBody());
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Parents.getParent(Begin));
  if (!Block)
    return;
  const CallExpr *Commit = nullptr;
  unsigned Ends = 0;
  for (const auto &[Other, Classified] : Classifieds) {
    if (Classified.Session != Call.Session || Other == Begin)
      continue;
    if (Classified.Begins)
      return;
    ++Ends;
    const auto *End = dyn_cast<CXXMemberCallExpr>(Other);
    const auto *EndCallee =
        End ? dyn_cast<MemberExpr>(End->getCallee()) : nullptr;
    if (End && EndCallee && !EndCallee->isArrow() &&
        End->getMethodDecl()->getName() == "commit" &&
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

/// What a function of the project does with the session it is given: ends
/// the transaction (a commit helper), or not. Without a body, its name says.
bool ManualTransactionCheck::endsTransaction(const FunctionDecl *Callee,
                                             unsigned Index) {
  auto [It, Inserted] = Ends.try_emplace({Callee, Index}, false);
  if (!Inserted)
    return It->second;
  const FunctionDecl *Body = nullptr;
  if (!Callee->hasBody(Body))
    return Ends[{Callee, Index}] = endsByName(Callee);
  if (Index >= Body->getNumParams())
    return false;
  const ParmVarDecl *Param = Body->getParamDecl(Index);
  CallCollector Calls;
  Calls.TraverseStmt(Body->getBody());
  bool Result = llvm::any_of(Calls.Calls, [&](const CallExpr *Call) {
    auto Classified = Tx.classify(Call);
    return Classified && !Classified->Begins && Classified->Session == Param;
  });
  return Ends[{Callee, Index}] = Result;
}

/// In a batch, what \p Function does to a transaction on its parameters,
/// for the units that call it without its body (Transactions::assumedCall).
void ManualTransactionCheck::tellOtherUnits(const FunctionDecl *Function) {
  BatchFacts *Facts = BatchFacts::active();
  const Transactions::HelperEffect *Effect =
      Facts && Function->isExternallyVisible() ? Tx.helperEffect(Function)
                                               : nullptr;
  // Only begins are taken on trust elsewhere (Transactions::assumedCall).
  if (!Effect || !Effect->Does.Begins)
    return;
  const TransactionCall &Does = Effect->Does;
  ClassJudgement Judgement;
  Judgement.Class = Transactions::effectKey(
      Function, Does.Begins, Effect->SessionParam, Does.SuccessValue);
  Judgement.Sense = RoleSense::Holds;
  Judgement.BodiesSeen = 1;
  Judgement.Final = true;
  Judgement.Why = "'" + Function->getQualifiedNameAsString() +
                  "' begins the transaction on its argument " +
                  std::to_string(Effect->SessionParam + 1) + " here";
  locateWhy(Judgement, Function->getASTContext().getSourceManager(),
            Effect->Where->getBeginLoc());
  Facts->judged(std::move(Judgement));
}

void ManualTransactionCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (Function->isInvalidDecl())
    return;
  CallCollector Calls;
  Calls.TraverseStmt(Function->getBody());

  // Each call classified once. Most functions begin no transaction: they
  // cost this one walk, and the tests below run only for the others. A call
  // clang could not make sense of is left out, and its function set aside
  // below.
  llvm::SmallVector<ClassifiedCall, 8> Classifieds;
  for (const CallExpr *Call : Calls.Calls)
    if (!Call->containsErrors())
      if (std::optional<TransactionCall> Classified = Tx.classify(Call))
        Classifieds.push_back({Call, std::move(*Classified)});
  if (!Classifieds.empty())
    tellOtherUnits(Function);
  if (llvm::none_of(Classifieds, [](const ClassifiedCall &C) {
        return C.second.Begins;
      }))
    return;
  // Code that did not compile says nothing reliable about its paths.
  if (containsErrors(Function->getBody()))
    return;
  // A guard class's own begin (its constructor) is what guards are for.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function);
      Method && Tx.isGuardClass(Method->getParent()))
    return;

  // A lambda that ends the transaction (a scope guard's callback) guards it.
  llvm::DenseSet<const ValueDecl *> Guarded;
  for (const LambdaExpr *Lambda : Calls.Lambdas) {
    CallCollector Inner;
    Inner.TraverseStmt(Lambda->getBody());
    for (const CallExpr *Call : Inner.Calls)
      if (auto Classified = Tx.classify(Call);
          Classified && !Classified->Begins)
        Guarded.insert(Classified->Session);
  }

  // Where the function ends transactions: per session, and per library for
  // ends on handles it cannot name (`QSqlDatabase::database().rollback()`, a
  // QSqlQuery running ROLLBACK) — those may be the same connection.
  llvm::DenseSet<const ValueDecl *> EndedSessions;
  llvm::DenseMap<const LibraryEntry *, llvm::DenseSet<const ValueDecl *>>
      EndedByLibrary;
  llvm::DenseSet<const CallExpr *> TransactionCalls;
  for (const auto &[Call, Classified] : Classifieds) {
    TransactionCalls.insert(Call);
    if (!Classified.Begins) {
      EndedSessions.insert(Classified.Session);
      EndedByLibrary[Classified.Library].insert(Classified.Session);
    }
  }
  auto EndedOnAnotherHandle = [&](const TransactionCall &Begin) {
    auto Found = EndedByLibrary.find(Begin.Library);
    return Found != EndedByLibrary.end() &&
           llvm::any_of(Found->second, [&](const ValueDecl *Session) {
             return Session != Begin.Session;
           });
  };

  // Sessions handed to a function of the project that ends the transaction
  // (a commit helper): it closes there.
  std::vector<FlowEvent> HandedOn;
  llvm::DenseSet<const ValueDecl *> HandedToCommitter;
  for (const CallExpr *Call : Calls.Calls) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || TransactionCalls.contains(Call) ||
        Model.isLibraryCode(Callee))
      continue;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Call->getArg(I)->IgnoreParenImpCasts());
          Ref && endsTransaction(Callee, I)) {
        HandedToCommitter.insert(Ref->getDecl());
        HandedOn.push_back({Call, Ref->getDecl(), UseKind::HandOn, {}});
      }
  }

  ParentMap Parents(Function->getBody());
  std::vector<FlowEvent> Flow;
  llvm::DenseSet<const ValueDecl *> Opened;
  for (const auto &[Call, Classified] : Classifieds) {
    if (!Classified.Session)
      continue;
    if (Classified.Begins && !Classified.Guard.empty()) {
      reportGuardable(Call, Classified, Function, Classifieds);
      continue;
    }
    if (Guarded.contains(Classified.Session))
      continue;
    // A function that only begins (`beginBatch()`, a begin helper) hands the
    // open transaction to its caller on purpose.
    if (Classified.Begins && !EndedSessions.contains(Classified.Session) &&
        !HandedToCommitter.contains(Classified.Session))
      continue;
    if (Classified.Begins &&
        (EndedOnAnotherHandle(Classified) ||
         (!Classified.SuccessValue && resultIsChecked(Call, Parents))))
      continue;
    if (Classified.Begins) {
      Opened.insert(Classified.Session);
      Acquisition Begin{Call, nullptr, Classified.Spelling, ""};
      Begin.SuccessValue = Classified.SuccessValue;
      Flow.push_back({Call, Classified.Session, UseKind::Acquire, Begin});
    } else {
      Flow.push_back({Call, Classified.Session, UseKind::Release, {}});
    }
  }
  if (Opened.empty())
    return;
  for (const FlowEvent &Event : HandedOn)
    if (Opened.contains(Event.Subject))
      Flow.push_back(Event);

  for (const Leak &Open : findUnclosed(Function, Uses, Flow)) {
    // A second begin on an open transaction is the library's error to
    // report, not a path that leaves it open.
    if (Open.Kind == LeakKind::Overwrite || Open.Kind == LeakKind::Redeclared)
      continue;
    // Qt's default connection stands in as the function that names it.
    std::string Session = isa<FunctionDecl>(Open.Handle)
                              ? "'QSqlDatabase::database()'"
                              : "'" + Open.Handle->getNameAsString() + "'";
    diag(Open.Acquired.Site->getBeginLoc(),
         "transaction begun with '%0' on %1 is not ended on every path out "
         "of %2; commit or roll it back on every path, or use a guard class "
         "whose destructor rolls back")
        << Open.Acquired.Acquirer << Session << functionName(Function);
    diag(Open.Where,
         ("the transaction is left open " + describeExit(Open.Kind)).str(),
         DiagnosticIDs::Note);
    // What a helper without its body here was taken to do is the defining
    // unit's to confirm: until then the finding is held back.
    std::vector<RoleDependence> Assumed;
    for (const auto &[Call, Classified] : Classifieds)
      if (Classified.Session == Open.Handle &&
          !Classified.AssumedEffect.empty())
        Assumed.push_back({Classified.AssumedEffect, 0, RoleSense::Holds});
    noteDependences(*this, Open.Acquired.Site->getBeginLoc(),
                    std::move(Assumed), /*HeldBack=*/true);
  }
}

} // namespace clang::tidy::session
