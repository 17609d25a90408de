//===--- OwnershipFlow.h - The parts of the ownership analysis ------------===//
//
// The forward data flow of OwnershipAnalysis.h, split by what each part
// decides, one file each:
//
// * Subjects.cpp — what is tracked, and where it changes hands: the
//   acquisitions of the body (into a local, into a member of `this` in a
//   constructor, into a `T *&` out-parameter of a function reporting success
//   with a bool), the handles lost inside an expression, and what every
//   later use does (HandleUses::classifyUse);
// * Exits.cpp — which ways out of the function leak what they leave owned:
//   returns, the end of the body, throws and calls that may throw (per the
//   handle's ThrowPolicy), overwrites; and where an exception raised inside
//   a `try` goes (its handlers, with the state at the throw);
// * Refinements.cpp — what a branch says: a null test of a handle, a test
//   of an acquisition's result code (directly, or through a local holding
//   it), on the edge where nothing was acquired;
// * OwnershipAnalysis.cpp — the driver: the CFG, the fixed point, the
//   recording pass, the entry points.
//
// State is per subject: a set of StateBits and the acquisitions it may own.
// States live in shared chunks copied on write (see State), so that copying
// a state per block and per edge costs a pointer per chunk.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_FLOW_OWNERSHIPFLOW_H
#define SESSION_LINT_MODEL_FLOW_OWNERSHIPFLOW_H

#include "model/OwnershipAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include <array>
#include <deque>
#include <map>
#include <optional>

namespace clang::tidy::session::flow {

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
  /// The state no path has reached: the identity of join.
  static VarState bottom() { return VarState{0, {}}; }
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

/// What a tracked subject is, which decides the exits that leak it.
enum class SubjectKind {
  /// A local variable: every way out of the function.
  Local,
  /// A data member of `this`, acquired in a constructor: only exceptions,
  /// since a constructor that throws never runs its destructor.
  Member,
  /// A `T *&` parameter of a function returning bool: the caller takes the
  /// handle on success; `return false` says there is nothing to take.
  OutParameter,
  /// The subject of caller-classified events (a transaction's session).
  Opened,
};

/// An exception raised inside a `try`, on its way to the handlers.
struct Raised {
  const CXXTryStmt *Try;
  State At;
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
  // OwnershipAnalysis.cpp: the driver.
  std::vector<Leak> solve(std::vector<Leak> Result);
  void transfer(const CFGBlock &Block, State &S, bool Record,
                std::vector<Raised> *Exceptions);
  void apply(const Event &E, State &S, SourceLocation At, bool Record,
             LeakKind OverwriteKind = LeakKind::Overwrite);

  // Subjects.cpp: what is tracked, and what its uses do.
  void findAcquisitions();
  void bind(const Acquisition &Acquired);
  void bindMemberInitializers();
  unsigned track(const ValueDecl *Var, SubjectKind Kind);
  void collectUses();
  void dropMembersTheBodyCannotSee();

  // Exits.cpp: which exits leak, and where exceptions go.
  struct Exit {
    LeakKind Kind;
    SourceLocation Where;
    const Stmt *At = nullptr; // the return, throw or call
    std::optional<unsigned> OnlyVar = std::nullopt;
  };
  void checkLeaks(const State &S, const Exit &E);
  bool leaksAt(unsigned Var, const Exit &E);
  bool exceptionLeavesScope(const Stmt *Thrower, const ValueDecl *Var) const;
  /// May \p S throw, for a subject of policy \p Policy?
  bool mayThrow(const Stmt *S, ThrowPolicy Policy);
  ThrowPolicy policyOf(unsigned Var, const State &S) const;
  void raise(const Stmt *Thrower, const State &S,
             std::vector<Raised> &Exceptions);
  void findTries();

  // Refinements.cpp: what a branch says.
  State refine(const CFGBlock &Block, unsigned Successor, State S) const;
  std::optional<std::pair<const Event *, bool>>
  testedAcquisition(const Expr *Cond, const ParmVarDecl *Param = nullptr,
                    const Expr *Argument = nullptr) const;
  const llvm::SmallVector<Event, 2> *eventsTestedBy(const Expr *E) const;
  void findResultVariables();
  void dropUntestedAcquisitions(const CFG &Graph);

  const FunctionDecl *Function;
  HandleUses &Uses;
  ASTContext &Ctx;
  /// Built once the body is known to acquire something.
  std::optional<ParentMap> Parents;
  std::deque<Acquisition> Acquired;
  std::vector<const ValueDecl *> Vars;
  std::vector<SubjectKind> Kinds;
  llvm::DenseMap<const ValueDecl *, unsigned> VarIndex;
  llvm::DenseSet<unsigned> Dropped;
  /// Keyed by the CFG statement, or by the VarDecl of a declaration (the
  /// CFG splits multi-variable DeclStmts into statements of its own).
  llvm::DenseMap<const void *, llvm::SmallVector<Event, 2>> Events;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<const CXXTryStmt *, 1>>
      Tries;
  /// The statement declaring each tracked variable.
  llvm::DenseMap<const ValueDecl *, const Stmt *> Declarations;
  /// Acquisitions whose result code says whether there is a handle: they
  /// are followed only where a branch tests that code.
  llvm::SmallVector<const Acquisition *, 2> NeedTest;
  /// Locals that keep an acquisition's result code, and that acquisition.
  llvm::DenseMap<const VarDecl *, const Expr *> ResultVariables;
  /// Memoized mayThrow per statement: bit 0 known, bit 1 Declared, bit 2
  /// Shown.
  llvm::DenseMap<const Stmt *, uint8_t> Throwing;
  std::vector<Leak> Discarded;
  std::map<const Acquisition *, Leak> Leaks;
};

} // namespace clang::tidy::session::flow

#endif
