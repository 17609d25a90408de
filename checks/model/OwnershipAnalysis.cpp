//===--- OwnershipAnalysis.cpp - Is every acquired handle released? -------===//

#include "model/OwnershipAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include <array>
#include <deque>
#include <map>
#include <optional>

namespace clang::tidy::session {
namespace {

enum StateBit : uint8_t {
  NotAcquired = 1,
  Owned = 2,
  Done = 4, // released or handed on
  Null = 8,
};

struct VarState {
  uint8_t Bits = NotAcquired;
  /// The acquisitions the variable may own.
  llvm::SmallVector<const Acquisition *, 2> Sites;

  bool operator==(const VarState &Other) const {
    return Bits == Other.Bits && Sites == Other.Sites;
  }
  void join(const VarState &Other) {
    Bits |= Other.Bits;
    for (const Acquisition *Site : Other.Sites)
      if (!llvm::is_contained(Sites, Site))
        Sites.push_back(Site);
    llvm::sort(Sites);
  }
  bool leaks() const { return (Bits & Owned) && !(Bits & Done); }
};

/// The states of every tracked variable at one point of the function. The
/// analysis copies a state per block and per edge and joins states at
/// merges, while a block changes only the few variables it uses: so the
/// variables live in chunks shared between copies and copied on write, and
/// a join skips the chunks two states share. Copying, comparing and joining
/// then cost a pointer per chunk, not a state per variable: a function with
/// many handles (and so many blocks) does not cost handles x blocks.
class State {
public:
  State() = default;
  explicit State(unsigned Size) : Size(Size) {
    auto Initial = llvm::makeIntrusiveRefCnt<Chunk>();
    Chunks.assign((Size + ChunkSize - 1) / ChunkSize, Initial);
  }
  unsigned size() const { return Size; }
  const VarState &operator[](unsigned I) const {
    return Chunks[I / ChunkSize]->Vars[I % ChunkSize];
  }
  /// The state of variable \p I, to change.
  VarState &set(unsigned I) {
    llvm::IntrusiveRefCntPtr<Chunk> &Shared = Chunks[I / ChunkSize];
    if (Shared->UseCount() > 1)
      Shared = llvm::makeIntrusiveRefCnt<Chunk>(*Shared);
    return Shared->Vars[I % ChunkSize];
  }
  /// Joins \p Other into this state; true if this state changed.
  bool join(const State &Other) {
    bool Changed = false;
    for (unsigned C = 0; C < Chunks.size(); ++C) {
      if (Chunks[C] == Other.Chunks[C])
        continue;
      unsigned End = std::min(Size, (C + 1) * ChunkSize);
      for (unsigned I = C * ChunkSize; I < End; ++I) {
        VarState Joined = (*this)[I];
        Joined.join(Other[I]);
        if (!(Joined == (*this)[I])) {
          set(I) = std::move(Joined);
          Changed = true;
        }
      }
    }
    return Changed;
  }

private:
  static constexpr unsigned ChunkSize = 32;
  struct Chunk : llvm::RefCountedBase<Chunk> {
    std::array<VarState, ChunkSize> Vars;
  };
  llvm::SmallVector<llvm::IntrusiveRefCntPtr<Chunk>, 1> Chunks;
  unsigned Size = 0;
};

struct Event {
  unsigned Var;
  UseKind Kind;
  const Acquisition *Acquired = nullptr;
};

/// For every statement inside `try` blocks, the try statements around it:
/// an exception there goes to their handlers.
struct TryBodies : RecursiveASTVisitor<TryBodies> {
  llvm::DenseMap<const Stmt *, llvm::SmallVector<const CXXTryStmt *, 1>>
      Enclosing;
  llvm::SmallVector<const CXXTryStmt *, 2> Open;
  bool TraverseCXXTryStmt(CXXTryStmt *Try) {
    Open.push_back(Try);
    TraverseStmt(Try->getTryBlock());
    Open.pop_back();
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      TraverseStmt(Try->getHandler(I));
    return true;
  }
  bool VisitStmt(Stmt *S) {
    if (!Open.empty())
      Enclosing[S].assign(Open.begin(), Open.end());
    return true;
  }
};

/// Acquisitions in a body, not counting nested lambdas (functions of their
/// own). An expression clang could not make sense of acquires nothing here:
/// the whole function is then set aside (containsErrors), and this walk runs
/// before that test, which most functions never need.
struct AcquisitionFinder : RecursiveASTVisitor<AcquisitionFinder> {
  HandleUses &Uses;
  std::deque<Acquisition> &Found;
  AcquisitionFinder(HandleUses &Uses, std::deque<Acquisition> &Found)
      : Uses(Uses), Found(Found) {}
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCallExpr(CallExpr *Call) {
    if (Call->containsErrors())
      return true;
    if (auto A = Uses.acquisition(Call))
      Found.push_back(std::move(*A));
    return true;
  }
  bool VisitCXXNewExpr(CXXNewExpr *New) {
    if (New->containsErrors())
      return true;
    if (auto A = Uses.acquisition(New))
      Found.push_back(std::move(*A));
    return true;
  }
};

/// The references to every tracked variable, in one walk of the body (a walk
/// per variable is quadratic in a function with many handles).
struct RefCollector : RecursiveASTVisitor<RefCollector> {
  const llvm::DenseMap<const ValueDecl *, unsigned> &Index;
  std::vector<llvm::SmallVector<const DeclRefExpr *, 8>> Refs;
  explicit RefCollector(
      const llvm::DenseMap<const ValueDecl *, unsigned> &Index)
      : Index(Index), Refs(Index.size()) {}
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    auto Found = Index.find(Ref->getDecl());
    if (Found != Index.end())
      Refs[Found->second].push_back(Ref);
    return true;
  }
};

class Analysis {
public:
  Analysis(const FunctionDecl *Function, HandleUses &Uses)
      : Function(Function), Uses(Uses), Ctx(Function->getASTContext()) {}

  /// Ownership of acquired handles.
  std::vector<Leak> run();
  /// Whatever \p Events open and close.
  std::vector<Leak> run(llvm::ArrayRef<FlowEvent> Events);

private:
  std::vector<Leak> solve(std::vector<Leak> Result);
  void bind(const Acquisition &Acquired);
  unsigned track(const ValueDecl *Var);
  void collectUses();
  void transfer(const CFGBlock &Block, State &S, bool Record);
  void apply(const Event &E, State &S, SourceLocation At, bool Record,
             LeakKind OverwriteKind = LeakKind::Overwrite);
  void checkLeaks(const State &S, LeakKind Kind, SourceLocation Where,
                  std::optional<unsigned> OnlyVar = std::nullopt,
                  const Stmt *Thrower = nullptr);
  bool exceptionLeavesScope(const Stmt *Thrower, const ValueDecl *Var) const;
  State refine(const CFGBlock &Block, unsigned Successor, State S) const;
  std::optional<std::pair<const Event *, bool>>
  testedAcquisition(const Expr *Cond) const;
  bool mayThrow(const Stmt *S);

  const FunctionDecl *Function;
  HandleUses &Uses;
  ASTContext &Ctx;
  /// Built once the body is known to acquire something.
  std::optional<ParentMap> Parents;
  std::deque<Acquisition> Acquired;
  std::vector<const ValueDecl *> Vars;
  llvm::DenseMap<const ValueDecl *, unsigned> VarIndex;
  llvm::DenseSet<unsigned> Dropped;
  /// Keyed by the CFG statement, or by the VarDecl of a declaration (the
  /// CFG splits multi-variable DeclStmts into statements of its own).
  llvm::DenseMap<const void *, llvm::SmallVector<Event, 2>> Events;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<const CXXTryStmt *, 1>>
      Tries;
  /// The statement declaring each tracked variable.
  llvm::DenseMap<const ValueDecl *, const Stmt *> Declarations;
  std::vector<Leak> Discarded;
  std::map<const Acquisition *, Leak> Leaks;
};

unsigned Analysis::track(const ValueDecl *Var) {
  auto [It, Inserted] = VarIndex.try_emplace(Var, Vars.size());
  if (Inserted)
    Vars.push_back(Var);
  return It->second;
}

void Analysis::bind(const Acquisition &A) {
  if (A.OutParam) {
    // A checked result code decides on branches not followed here.
    const Stmt *Parent =
        Parents->getParent(HandleUses::outermostValue(A.Site, *Parents));
    if (A.NoHandleOnFailure && !isa_and_nonnull<CompoundStmt>(Parent))
      return;
    Events[A.Site].push_back({track(A.OutParam), UseKind::Acquire, &A});
    return;
  }
  const Expr *Value = HandleUses::outermostValue(A.Site, *Parents);
  const Stmt *Parent = Parents->getParent(Value);
  if (const auto *Decl = dyn_cast_or_null<DeclStmt>(Parent)) {
    for (const clang::Decl *D : Decl->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->getInit() == Value && Var->hasLocalStorage())
          Events[Var].push_back({track(Var), UseKind::Acquire, &A});
    return;
  }
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent)) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts());
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (Assign->getOpcode() == BO_Assign && Assign->getRHS() == Value && Var &&
        Var->hasLocalStorage() && !isa<ParmVarDecl>(Var))
      Events[Assign].push_back({track(Var), UseKind::Acquire, &A});
    return;
  }
  // An expression statement: the handle is dropped on the floor.
  if (isa_and_nonnull<CompoundStmt>(Parent))
    Discarded.push_back({A, nullptr, LeakKind::Discarded, A.Site->getBeginLoc()});
}

void Analysis::collectUses() {
  RefCollector Collector(VarIndex);
  Collector.TraverseStmt(Function->getBody());
  // Ownership tracks local variables only (see bind).
  for (unsigned I = 0; I < Vars.size(); ++I) {
    const auto *Var = cast<VarDecl>(Vars[I]);
    for (const DeclRefExpr *Ref : Collector.Refs[I]) {
      Use U = Uses.classifyUse(Ref, Var, *Parents);
      if (U.Kind == UseKind::Unknown) {
        Dropped.insert(I);
        break;
      }
      // Acquisitions were bound above; borrows change nothing.
      if (U.Kind != UseKind::Acquire && U.Kind != UseKind::Borrow)
        Events[U.Anchor].push_back({I, U.Kind});
    }
  }
}

/// An exception at \p Thrower leaks \p Var unless some `try` around the
/// throw can still see the variable (it was declared outside that try): that
/// try's handlers decide, and are not followed.
bool Analysis::exceptionLeavesScope(const Stmt *Thrower,
                                    const ValueDecl *Var) const {
  auto ThrowerTries = Tries.find(Thrower);
  if (ThrowerTries == Tries.end())
    return true;
  auto Declaration = Declarations.find(Var);
  auto VarTries = Declaration == Declarations.end()
                      ? Tries.end()
                      : Tries.find(Declaration->second);
  for (const CXXTryStmt *Try : ThrowerTries->second)
    if (VarTries == Tries.end() || !llvm::is_contained(VarTries->second, Try))
      return false;
  return true;
}

void Analysis::checkLeaks(const State &S, LeakKind Kind, SourceLocation Where,
                          std::optional<unsigned> OnlyVar,
                          const Stmt *Thrower) {
  const SourceManager &SM = Ctx.getSourceManager();
  unsigned First = OnlyVar ? *OnlyVar : 0;
  unsigned Last = OnlyVar ? *OnlyVar + 1 : S.size();
  for (unsigned I = First; I < Last; ++I) {
    if (Dropped.contains(I) || !S[I].leaks() ||
        (Thrower && !exceptionLeavesScope(Thrower, Vars[I])))
      continue;
    for (const Acquisition *Site : S[I].Sites) {
      auto [It, Inserted] =
          Leaks.try_emplace(Site, Leak{*Site, Vars[I], Kind, Where});
      if (!Inserted && SM.isBeforeInTranslationUnit(Where, It->second.Where))
        It->second = Leak{*Site, Vars[I], Kind, Where};
    }
  }
}

void Analysis::apply(const Event &E, State &S, SourceLocation At, bool Record,
                     LeakKind OverwriteKind) {
  switch (E.Kind) {
  case UseKind::Acquire: {
    if (Record)
      checkLeaks(S, OverwriteKind, At, E.Var);
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
      checkLeaks(S, OverwriteKind, At, E.Var);
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

bool Analysis::mayThrow(const Stmt *S) {
  const LangOptions &Lang = Ctx.getLangOpts();
  if (!Lang.CPlusPlus || !Lang.CXXExceptions)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    return Uses.mayThrow(Call->getDirectCallee());
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    return !Construct->getConstructor()->isTrivial() &&
           Uses.mayThrow(Construct->getConstructor());
  return false;
}

void Analysis::transfer(const CFGBlock &Block, State &S, bool Record) {
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
            checkLeaks(S, LeakKind::Redeclared, Var->getLocation(),
                       Tracked->second);
          S.set(Tracked->second) = VarState{};
        }
      }
      continue;
    }
    auto Found = Events.find(St);
    if (Found != Events.end()) {
      for (const Event &E : Found->second)
        apply(E, S, St->getBeginLoc(), Record);
    } else if (Record && mayThrow(St)) {
      checkLeaks(S, LeakKind::MayThrow, St->getBeginLoc(), std::nullopt, St);
    }
    if (isa<ReturnStmt>(St)) {
      Exits = true;
      if (Record)
        checkLeaks(S, LeakKind::Return, St->getBeginLoc());
    } else if (isa<CXXThrowExpr>(St)) {
      Exits = true;
      if (Record)
        checkLeaks(S, LeakKind::Throw, St->getBeginLoc(), std::nullopt, St);
    }
  }
  if (!Record || Exits || Block.hasNoReturnElement())
    return;
  const CFGBlock &Exit = Block.getParent()->getExit();
  unsigned Index = 0;
  for (const CFGBlock::AdjacentBlock &Successor : Block.succs())
    if (Successor.getReachableBlock() == &Exit)
      checkLeaks(refine(Block, Index++, S), LeakKind::FunctionEnd,
                 Function->getBody()->getEndLoc());
    else
      ++Index;
}

/// Along the edge to successor \p Successor (0: condition true, 1: false), a
/// null test of a tracked handle says the acquisition failed.
/// If \p Cond tests the result of an acquisition with a known success
/// value, the acquisition and whether the condition holds when it succeeded.
std::optional<std::pair<const Event *, bool>>
Analysis::testedAcquisition(const Expr *Cond) const {
  Cond = Cond->IgnoreParenImpCasts();
  bool Negated = false;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    Cond = Not->getSubExpr()->IgnoreParenImpCasts();
    Negated = true;
  }
  std::optional<llvm::APSInt> Compared;
  BinaryOperatorKind Op = BO_NE; // a plain test is `result != 0`
  if (const auto *Compare = dyn_cast<BinaryOperator>(Cond);
      Compare && Compare->isEqualityOp()) {
    const Expr *Call = Compare->getLHS()->IgnoreParenImpCasts();
    const Expr *Constant = Compare->getRHS();
    if (!Events.count(Call)) {
      std::swap(Call, Constant);
      Call = Call->IgnoreParenImpCasts();
    }
    Compared = Constant->getIntegerConstantExpr(Ctx);
    if (!Compared)
      return std::nullopt;
    Op = Compare->getOpcode();
    Cond = Call;
  }
  auto Found = Events.find(Cond);
  if (Found == Events.end())
    return std::nullopt;
  for (const Event &E : Found->second) {
    if (E.Kind != UseKind::Acquire || !E.Acquired->SuccessValue)
      continue;
    int64_t Success = *E.Acquired->SuccessValue;
    int64_t Against = Compared ? Compared->getExtValue() : 0;
    bool Holds = (Op == BO_EQ) == (Success == Against);
    return std::make_pair(&E, Holds != Negated);
  }
  return std::nullopt;
}

State Analysis::refine(const CFGBlock &Block, unsigned Successor,
                       State S) const {
  const Stmt *Condition = Block.getTerminatorCondition();
  const auto *Cond = dyn_cast_or_null<Expr>(Condition);
  if (!Cond || Block.succ_size() != 2)
    return S;
  // A checked acquisition (`if (!db.transaction()) return false;`): on the
  // edge where it failed, nothing was opened.
  if (auto Tested = testedAcquisition(Cond)) {
    bool SuccessEdge = (Successor == 0) == Tested->second;
    if (!SuccessEdge) {
      VarState &Failed = S.set(Tested->first->Var);
      Failed.Bits = Null;
      Failed.Sites.clear();
    }
    return S;
  }
  // `if ((h = PQconnectdb(…)) == nullptr)` tests what was assigned.
  auto Assigned = [](const Expr *E) -> const Expr * {
    E = E->IgnoreParenImpCasts();
    if (const auto *Assign = dyn_cast<BinaryOperator>(E);
        Assign && Assign->getOpcode() == BO_Assign)
      return Assign->getLHS()->IgnoreParenImpCasts();
    return E;
  };
  Cond = Cond->IgnoreParenImpCasts();
  bool NullWhenTrue = false;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    Cond = Assigned(Not->getSubExpr());
    NullWhenTrue = true;
  } else if (const auto *Compare = dyn_cast<BinaryOperator>(Cond);
             Compare && Compare->isEqualityOp()) {
    const Expr *LHS = Compare->getLHS()->IgnoreParenImpCasts();
    const Expr *RHS = Compare->getRHS()->IgnoreParenImpCasts();
    auto IsNull = [&](const Expr *E) {
      return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
    };
    if (IsNull(LHS))
      std::swap(LHS, RHS);
    if (!IsNull(RHS))
      return S;
    Cond = LHS;
    NullWhenTrue = Compare->getOpcode() == BO_EQ;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Assigned(Cond));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  auto Tracked = Var ? VarIndex.find(Var) : VarIndex.end();
  if (Tracked == VarIndex.end())
    return S;
  if ((Successor == 0) == NullWhenTrue) {
    VarState &IsNull = S.set(Tracked->second);
    IsNull.Bits = Null;
    IsNull.Sites.clear();
  }
  return S;
}

std::vector<Leak> Analysis::run() {
  AcquisitionFinder Finder(Uses, Acquired);
  Finder.TraverseStmt(Function->getBody());
  // Most functions acquire nothing: one walk, no parent map, no CFG. Code
  // that did not compile says nothing reliable about its paths.
  if (Acquired.empty() || containsErrors(Function->getBody()))
    return {};
  Parents.emplace(Function->getBody());
  for (const Acquisition &A : Acquired)
    bind(A);
  collectUses();
  return solve(Discarded);
}

std::vector<Leak> Analysis::run(llvm::ArrayRef<FlowEvent> Flow) {
  for (const FlowEvent &E : Flow) {
    unsigned Index = track(E.Subject);
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

  TryBodies Bodies;
  Bodies.TraverseStmt(Function->getBody());
  Tries = std::move(Bodies.Enclosing);
  struct DeclarationFinder : RecursiveASTVisitor<DeclarationFinder> {
    llvm::DenseMap<const ValueDecl *, const Stmt *> &Found;
    bool VisitDeclStmt(DeclStmt *Declaration) {
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          Found[Var] = Declaration;
      return true;
    }
  } Declared{{}, Declarations};
  Declared.TraverseStmt(Function->getBody());

  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(Function, Function->getBody(), &Ctx, Options);
  if (!Graph)
    return Result;

  // Forward data flow to a fixed point, then one recording pass.
  std::vector<std::optional<State>> In(Graph->getNumBlockIDs());
  In[Graph->getEntry().getBlockID()] = State(Vars.size());
  std::vector<const CFGBlock *> Worklist = {&Graph->getEntry()};
  while (!Worklist.empty()) {
    const CFGBlock *Block = Worklist.back();
    Worklist.pop_back();
    State Out = *In[Block->getBlockID()];
    transfer(*Block, Out, /*Record=*/false);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Successor : Block->succs()) {
      const CFGBlock *Next = Successor.getReachableBlock();
      unsigned ThisIndex = Index++;
      if (!Next)
        continue;
      State Edge = refine(*Block, ThisIndex, Out);
      std::optional<State> &Target = In[Next->getBlockID()];
      if (!Target) {
        Target = std::move(Edge);
        Worklist.push_back(Next);
        continue;
      }
      if (Target->join(Edge))
        Worklist.push_back(Next);
    }
  }
  for (const CFGBlock *Block : *Graph)
    if (In[Block->getBlockID()]) {
      State S = *In[Block->getBlockID()];
      transfer(*Block, S, /*Record=*/true);
    }
  for (auto &[Site, Found] : Leaks)
    Result.push_back(Found);
  llvm::sort(Result, [&](const Leak &A, const Leak &B) {
    return Ctx.getSourceManager().isBeforeInTranslationUnit(
        A.Acquired.Site->getBeginLoc(), B.Acquired.Site->getBeginLoc());
  });
  return Result;
}

} // namespace

std::vector<Leak> findLeaks(const FunctionDecl *Function, HandleUses &Uses) {
  if (!Function->hasBody() || !Function->getBody())
    return {};
  return Analysis(Function, Uses).run();
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
  return Analysis(Function, Uses).run(Events);
}

} // namespace clang::tidy::session
