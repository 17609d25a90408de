//===--- OwnershipAnalysis.cpp - Is every acquired handle released? -------===//

//
// The driver of the analysis: the CFG, the fixed point and the recording
// pass. What is tracked, which exits leak and what branches say are in
// flow/ (see flow/OwnershipFlow.h).
//
//===----------------------------------------------------------------------===//

#include "model/OwnershipAnalysis.h"
#include "model/flow/OwnershipFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::session {
namespace flow {

void Analysis::apply(const Event &E, State &S, SourceLocation At, bool Record,
                     LeakKind OverwriteKind) {
  switch (E.Kind) {
  case UseKind::Acquire: {
    if (Record)
      checkLeaks(S, {OverwriteKind, At, nullptr, E.Var});
    VarState &V = S.set(E.Var);
    V.Bits = Owned;
    V.Sites = {E.Acquired};
    return;
  }
  case UseKind::Release:
  case UseKind::HandOn: {
    VarState &V = S.set(E.Var);
    V.Bits = Done;
    V.Sites.clear();
    return;
  }
  case UseKind::Reassign: {
    if (Record)
      checkLeaks(S, {OverwriteKind, At, nullptr, E.Var});
    VarState &V = S.set(E.Var);
    V.Bits = NotAcquired;
    V.Sites.clear();
    return;
  }
  case UseKind::Borrow:
  case UseKind::Unknown:
    return;
  }
}

/// One block: its statements' events, the exits they are, and (with
/// \p Exceptions) the states that exceptions raised inside a `try` carry to
/// its handlers.
void Analysis::transfer(const CFGBlock &Block, State &S, bool Record,
                        std::vector<Raised> *Exceptions) {
  bool Exits = false;
  for (const CFGElement &Element : Block) {
    std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
    if (!Statement)
      continue;
    const Stmt *St = Statement->getStmt();
    if (const auto *Decl = dyn_cast<DeclStmt>(St)) {
      for (const clang::Decl *D : Decl->decls()) {
        auto Found = Events.find(D);
        if (Found != Events.end()) {
          for (const Event &E : Found->second)
            apply(E, S, D->getLocation(), Record, LeakKind::Redeclared);
          continue;
        }
        // Re-entering a tracked variable's declaration (a loop) ends the
        // previous iteration's handle.
        const auto *Var = dyn_cast<VarDecl>(D);
        auto Tracked = Var ? VarIndex.find(Var) : VarIndex.end();
        if (Tracked != VarIndex.end()) {
          if (Record)
            checkLeaks(S, {LeakKind::Redeclared, Var->getLocation(), nullptr,
                           Tracked->second});
          S.set(Tracked->second) = VarState{};
        }
      }
      continue;
    }
    auto Found = Events.find(St);
    if (Found != Events.end()) {
      for (const Event &E : Found->second)
        apply(E, S, St->getBeginLoc(), Record);
    } else {
      if (Record && isa<CallExpr, CXXConstructExpr>(St))
        checkLeaks(S, {LeakKind::MayThrow, St->getBeginLoc(), St});
      if (Exceptions && isa<CallExpr, CXXConstructExpr>(St) && Tries.count(St))
        raise(St, S, *Exceptions);
    }
    if (const auto *Return = dyn_cast<ReturnStmt>(St)) {
      Exits = true;
      if (Record)
        checkLeaks(S, {LeakKind::Return, Return->getBeginLoc(), Return});
    } else if (isa<CXXThrowExpr>(St)) {
      Exits = true;
      if (Record)
        checkLeaks(S, {LeakKind::Throw, St->getBeginLoc(), St});
      if (Exceptions && Tries.count(St))
        raise(St, S, *Exceptions);
    }
  }
  if (!Record || Exits || Block.hasNoReturnElement())
    return;
  const CFGBlock &Exit = Block.getParent()->getExit();
  unsigned Index = 0;
  for (const CFGBlock::AdjacentBlock &Successor : Block.succs())
    if (Successor.getReachableBlock() == &Exit)
      checkLeaks(refine(Block, Index++, S),
                 {LeakKind::FunctionEnd, Function->getBody()->getEndLoc()});
    else
      ++Index;
}

std::vector<Leak> Analysis::run() {
  findAcquisitions();
  // Most functions acquire nothing: one walk, no parent map, no CFG.
  if (Acquired.empty())
    return {};
  // An expression clang could not make sense of (after a missing header,
  // clang instantiates no template: `std::cout << x << std::endl` is one)
  // hides what it does: a handle it names, or a call that may not return,
  // makes the paths unreliable; elsewhere in the body they are the
  // program's.
  DamagedExpressions Damage = damagedExpressions(Function->getBody());
  if (Damage.MayNotReturn)
    return {};
  Parents.emplace(Function->getBody());
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(Function))
    for (const CXXCtorInitializer *Init : Constructor->inits())
      if (Init->isWritten())
        Parents->addStmt(Init->getInit());
  for (const Acquisition &A : Acquired)
    bind(A);
  if (llvm::any_of(Vars, [&](const ValueDecl *Var) {
        return Damage.Names.contains(Var);
      }))
    return {};
  bindMemberInitializers();
  findResultVariables();
  collectUses();
  return solve(Discarded);
}

std::vector<Leak> Analysis::run(llvm::ArrayRef<FlowEvent> Flow) {
  for (const FlowEvent &E : Flow) {
    unsigned Index = track(E.Subject, SubjectKind::Opened);
    if (E.Kind != UseKind::Acquire) {
      Events[E.At].push_back({Index, E.Kind});
      continue;
    }
    Acquired.push_back(*E.Opened);
    Events[E.At].push_back({Index, UseKind::Acquire, &Acquired.back()});
  }
  return solve({});
}

std::vector<Leak> Analysis::solve(std::vector<Leak> Result) {
  if (Vars.size() == Dropped.size())
    return Result;
  findTries();

  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddInitializers = isa<CXXConstructorDecl>(Function);
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(Function, Function->getBody(), &Ctx, Options);
  if (!Graph)
    return Result;
  dropUntestedAcquisitions(*Graph);

  // The handlers of each try, for the exceptions raised inside it.
  llvm::DenseMap<const CXXTryStmt *, llvm::SmallVector<const CFGBlock *, 2>>
      Handlers;
  if (!Tries.empty()) {
    llvm::DenseMap<const Stmt *, const CFGBlock *> CatchBlocks;
    for (const CFGBlock *Block : *Graph)
      if (const Stmt *Label = Block->getLabel(); isa_and_nonnull<CXXCatchStmt>(Label))
        CatchBlocks[Label] = Block;
    for (const auto &[S, Around] : Tries)
      for (const CXXTryStmt *Try : Around)
        if (!Handlers.count(Try))
          for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
            if (const CFGBlock *Handler = CatchBlocks.lookup(Try->getHandler(I)))
              Handlers[Try].push_back(Handler);
  }

  // Forward data flow to a fixed point, then one recording pass.
  std::vector<std::optional<State>> In(Graph->getNumBlockIDs());
  In[Graph->getEntry().getBlockID()] = State(Vars.size());
  std::vector<const CFGBlock *> Worklist = {&Graph->getEntry()};
  std::vector<Raised> Exceptions;
  auto Flow = [&](const CFGBlock *Next, State Edge) {
    std::optional<State> &Target = In[Next->getBlockID()];
    if (!Target) {
      Target = std::move(Edge);
      Worklist.push_back(Next);
      return;
    }
    if (Target->join(Edge))
      Worklist.push_back(Next);
  };
  while (!Worklist.empty()) {
    const CFGBlock *Block = Worklist.back();
    Worklist.pop_back();
    State Out = *In[Block->getBlockID()];
    Exceptions.clear();
    transfer(*Block, Out, /*Record=*/false,
             Handlers.empty() ? nullptr : &Exceptions);
    for (Raised &Thrown : Exceptions)
      for (const CFGBlock *Handler : Handlers.lookup(Thrown.Try))
        Flow(Handler, Thrown.At);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Successor : Block->succs()) {
      const CFGBlock *Next = Successor.getReachableBlock();
      unsigned ThisIndex = Index++;
      if (!Next)
        continue;
      Flow(Next, refine(*Block, ThisIndex, Out));
    }
  }
  for (const CFGBlock *Block : *Graph)
    if (In[Block->getBlockID()]) {
      State S = *In[Block->getBlockID()];
      transfer(*Block, S, /*Record=*/true, nullptr);
    }
  for (auto &[Site, Found] : Leaks)
    Result.push_back(Found);
  llvm::sort(Result, [&](const Leak &A, const Leak &B) {
    return Ctx.getSourceManager().isBeforeInTranslationUnit(
        A.Acquired.Site->getBeginLoc(), B.Acquired.Site->getBeginLoc());
  });
  return Result;
}

} // namespace flow

std::vector<Leak> findLeaks(const FunctionDecl *Function, HandleUses &Uses) {
  if (!Function->hasBody() || !Function->getBody())
    return {};
  return flow::Analysis(Function, Uses).run();
}

DamagedExpressions damagedExpressions(const Stmt *Body) {
  // A call that may not return, anywhere under a damaged expression.
  struct Calls : RecursiveASTVisitor<Calls> {
    bool &MayNotReturn;
    explicit Calls(bool &MayNotReturn) : MayNotReturn(MayNotReturn) {}
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      const auto *Callee = dyn_cast<FunctionDecl>(Ref->getDecl());
      MayNotReturn |= Callee && Callee->isNoReturn();
      return true;
    }
    // A member call the error kept unresolved may be anything.
    bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *) {
      MayNotReturn = true;
      return true;
    }
  };
  struct Finder : RecursiveASTVisitor<Finder> {
    DamagedExpressions Found;
    bool TraverseStmt(Stmt *S) {
      const auto *E = dyn_cast_or_null<Expr>(S);
      if (!E || !E->containsErrors())
        return RecursiveASTVisitor::TraverseStmt(S);
      Calls(Found.MayNotReturn).TraverseStmt(S);
      // What the damaged expression does with a name it takes directly is
      // unknown; a well-formed part inside it (`mysql_error(conn)`) is
      // classified as anywhere else, and so is a call clang resolved whose
      // other argument is damaged (`query(conn, text)`, `text` built with
      // errors): its callee says what it does with each argument.
      const auto *Call = dyn_cast<CallExpr>(E);
      bool Resolved = Call && Call->getDirectCallee();
      for (Stmt *Child : S->children()) {
        const auto *Operand = dyn_cast_or_null<Expr>(Child);
        if (!Operand)
          continue;
        if (Operand->containsErrors()) {
          TraverseStmt(Child);
          continue;
        }
        if (Resolved)
          continue;
        Operand = Operand->IgnoreParenImpCasts();
        if (const auto *Ref = dyn_cast<DeclRefExpr>(Operand))
          Found.Names.insert(Ref->getDecl());
        else if (const auto *Member = dyn_cast<MemberExpr>(Operand))
          Found.Names.insert(Member->getMemberDecl());
        else if (const auto *Address = dyn_cast<UnaryOperator>(Operand))
          if (const auto *Ref = dyn_cast<DeclRefExpr>(
                  Address->getSubExpr()->IgnoreParenImpCasts()))
            Found.Names.insert(Ref->getDecl());
      }
      return true;
    }
  } Search;
  Search.TraverseStmt(const_cast<Stmt *>(Body));
  return std::move(Search.Found);
}

bool containsErrors(const Stmt *Body) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool VisitExpr(Expr *E) {
      Found |= E->containsErrors();
      return !Found;
    }
  } Search;
  Search.TraverseStmt(const_cast<Stmt *>(Body));
  return Search.Found;
}

std::vector<Leak> findUnclosed(const FunctionDecl *Function, HandleUses &Uses,
                               llvm::ArrayRef<FlowEvent> Events) {
  if (!Function->hasBody() || !Function->getBody() || Events.empty())
    return {};
  return flow::Analysis(Function, Uses).run(Events);
}

} // namespace clang::tidy::session
