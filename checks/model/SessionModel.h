//===--- SessionModel.h - What holds a session, and what a class is -------===//
//
// The type side of the session model, shared by every check:
//
// * holding(T): does a value of type T hold a session, and how — by value,
//   through an owning smart pointer, a raw pointer, a reference, a weak
//   reference or a container? The walk sees through typedefs, aliases and
//   alias templates (libpqxx 6 spells `pqxx::connection` as an alias), cv,
//   pointers, references, arrays, the standard and Qt smart pointers,
//   `std::optional` and containers, and checks each sugar layer's name
//   against the catalog before dropping it: `SQLHDBC` is only a `void *` once
//   the typedef is gone, and template arguments are read as written for the
//   same reason.
//
// * roleOf(class): a catalog or configured type (session, pool, guard,
//   transaction guard, scope class), the libraries' own code (by where Clang
//   found it, CodeOrigin.h), or — because most teams write their own — a
//   pool or a session wrapper recognised by what it does:
//     - a pool lends sessions and takes them back (PoolShape.cpp);
//     - a wrapper owns exactly one session (by value, owning smart pointer,
//       or a raw handle its destructor releases or gives back to a pool) and
//       its member functions run SQL text their callers pass, open or close
//       the session, or take and return the library's types — never SQL on
//       tables of their own nor the application's data (ClassBehaviour.cpp).
//       A wrapper is a session type itself: a class that stores one stores a
//       session.
//   Everything else that holds a session is a plain class: a service. The
//   role carries the evidence that decided it, for the notes.
//
// * isPartOfPool(class): nested in a pool, so part of its implementation.
//
// * singletonEvidence(class): the declaration that makes a class a singleton
//   (a static member instance of itself, a static local of its own type in
//   one of its static member functions — a Meyers singleton —, or, when that
//   body is in another file, its accessor; Singletons.cpp).
//
// Results are memoized per declaration: a model lives for one translation
// unit, as clang-tidy checks do. Before a class is asked for its role on the
// way to a holding, one walk of the type graph decides whether anything it
// contains is named like a session at all (mayHoldSession): third-party code
// on -I that never names one — a plotting library's classes that all point
// at each other — is settled by that walk, once per class, and never judged
// by its shape.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_SESSIONMODEL_H
#define SESSION_LINT_MODEL_SESSIONMODEL_H

#include "model/BatchFacts.h"
#include "model/CodeOrigin.h"
#include "model/DamagedClasses.h"
#include "model/SessionOptions.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>

namespace clang::tidy::session {

/// How a type holds its session; the outermost layer decides.
enum class HolderKind {
  Value,      // the session object itself
  Owner,      // unique_ptr, shared_ptr, optional, QScopedPointer, ...
  RawPointer, // T*, owning or not
  Reference,  // T&, std::reference_wrapper
  WeakRef,    // weak_ptr, QWeakPointer, QPointer
  Container,  // arrays, standard and Qt containers
};

enum class ClassRole {
  Plain,            // holds no session, or holds some as a service does
  Session,          // a catalog or SessionTypes session, or derived from one
  Wrapper,          // a user class owning one session, by its shape
  Guard,            // a GuardTypes class
  Pool,             // catalog, PoolTypes, or by its shape
  TransactionGuard, // catalog or TransactionGuardTypes
  Scope,            // ScopeClasses or [[clang::annotate("session-lint::scope")]]
  Library,          // the client library's own code, wherever it is included from
};

/// What the code showed that decided a class's role (ClassBehaviour.h), for
/// the notes that explain a finding. The first kinds make a wrapper, the
/// domain kinds a service, the pool kinds a pool.
enum class RoleEvidence {
  None,
  CallerSql,        // runs SQL text its callers pass in
  LibraryInterface, // takes or returns the library's results, rows or handle
  HandsOut,         // returns its session or a transaction on it
  LifeCycle,        // opens or closes its session
  SessionNames,     // no behaviour visible: its members' names are all
                    // about a session
  ScopesTransaction, // its constructor begins a transaction on a borrowed
                     // session, its destructor ends it: a transaction guard
  GivesBack,        // its destructor gives the session back to a pool: a
                    // lease, whatever else it offers
  DomainSql,        // runs SQL on a table of its own
  DomainType,       // takes or returns the application's data
  PoolCycles,       // takes sessions out of its container and puts them back
  PoolLeases,       // an RAII lease gives its session back to it
  PoolDeclared,     // declares a hand-out and a take-back of sessions
  PoolName,         // no behaviour visible: named like a pool
};

struct Evidence {
  RoleEvidence Kind = RoleEvidence::None;
  /// The member function (or class) that shows it.
  const NamedDecl *Where = nullptr;
  /// The table, for DomainSql.
  std::string Table;
  /// Where it shows: the SQL literal, the call, the declaration.
  SourceLocation Loc;
};

struct ClassInfo {
  ClassInfo() = default;
  ClassInfo(ClassRole Role, const FieldDecl *SessionMember = nullptr,
            Evidence Why = {})
      : Role(Role), SessionMember(SessionMember), Why(std::move(Why)) {}

  ClassRole Role = ClassRole::Plain;
  /// For wrappers and guards: the member that holds the session.
  const FieldDecl *SessionMember = nullptr;
  /// Why a class that holds a session got its role, when its shape decided.
  Evidence Why;
  /// For a class holding a session that its shape decided: how many of its
  /// member function bodies this unit saw, and whether no other unit can
  /// know better (BatchFacts.h).
  bool ByShape = false;
  unsigned BodiesSeen = 0;
  bool Final = true;
};

struct Holding {
  HolderKind Kind = HolderKind::Value;
  /// The declaration that makes it a session: a catalog or user record or
  /// typedef, or a wrapper/guard class.
  const NamedDecl *SessionDecl = nullptr;
  /// Set when SessionDecl is a wrapper or guard: the member it owns.
  const FieldDecl *WrappedMember = nullptr;
  /// Set when SessionDecl is a wrapper: what made it one.
  Evidence Why;
};

class Transactions;

class SessionModel {
public:
  explicit SessionModel(const SessionOptions &Options);
  ~SessionModel();

  /// The unit's header search: which folders hold installed code.
  void setHeaderSearch(const HeaderSearch &Search) {
    Origin.setHeaderSearch(Search);
  }

  std::optional<Holding> holding(QualType T);
  ClassInfo roleOf(const CXXRecordDecl *Class);

  /// How a batch names \p Class in every unit: the real path of its
  /// definition and its qualified name (BatchFacts.h).
  std::string batchKey(const CXXRecordDecl *Class);

  /// What a finding on a role judged by shape depends on in a batch: nothing
  /// when the judgement is final.
  void addDependence(std::vector<RoleDependence> &Into,
                     const CXXRecordDecl *Class, const ClassInfo &Info,
                     RoleSense Needs);
  /// The same for the wrapper verdict that makes \p H a session.
  void addSessionDependence(std::vector<RoleDependence> &Into,
                            const Holding &H);
  const NamedDecl *singletonEvidence(const CXXRecordDecl *Class);
  /// True for a declaration in a catalogued library's own namespace or
  /// files (CodeOrigin.h): its classes keep back-references to sessions by
  /// design.
  bool isLibraryCode(const Decl *D);
  /// True for code the user did not write: system and installed headers,
  /// and the catalogued libraries' own code, wherever it was included from.
  bool isThirdParty(const Decl *D);
  /// The catalogued library \p D belongs to, if any.
  const LibraryEntry *libraryOf(const Decl *D);
  /// What a library function does to a handle by the catalog's acquire and
  /// release pairs (`PQconnectdb` acquires, `PQfinish` releases).
  enum class LifeCycleStep { None, Acquires, Releases };
  LifeCycleStep lifeCycleStepOf(const FunctionDecl *Callee);
  /// True for a class nested in a pool: the pool's slots and bookkeeping.
  /// (A lease the pool hands out is a wrapper: its role says so first.)
  bool isPartOfPool(const CXXRecordDecl *Class);
  /// True if \p Class's destructor hands its member \p Kept to an object
  /// it keeps another member for (`~Lease() { from_->giveBack(conn_); }`):
  /// the shape of a lease, whether or not that object is known to be a pool.
  bool handsBackInDestructor(const CXXRecordDecl *Class, const FieldDecl *Kept);

  /// True if \p T was written with a template parameter that an
  /// instantiation replaced (`T conn_;` in `Holder<pqxx::connection>`): the
  /// template itself could not say whether it holds a session.
  static bool spelledWithTemplateArgument(QualType T);

  /// True for a specialization of a standard or Qt smart pointer or
  /// container: a holder whose insides are the library's, not the user's.
  static bool isHolderTemplate(const CXXRecordDecl *Class);

  /// The class a value of type \p T is an instance of, through pointers,
  /// references and owning smart pointers (how singletons keep themselves).
  static const CXXRecordDecl *instanceClass(QualType T);

  /// The fully qualified name of \p Decl, computed once.
  const std::string &qualifiedName(const NamedDecl *Decl);

  /// True for roles whose instances count as sessions wherever stored.
  static bool isSessionRole(ClassRole Role) {
    return Role == ClassRole::Session || Role == ClassRole::Wrapper ||
           Role == ClassRole::Guard;
  }

private:
  std::optional<Holding> holdingIn(QualType T, HolderKind Outer,
                                   unsigned Depth);
  ClassInfo computeRole(const CXXRecordDecl *Class);
  /// False when nothing a value of \p Class contains — its bases, its
  /// members, its template arguments, and theirs in turn — is named like a
  /// session or guard type (SessionTypes, the catalog, GuardTypes): such a
  /// class can be neither a session, a guard nor a wrapper, and holds no
  /// session, whatever its member functions do (TypeHolding.cpp).
  bool mayHoldSession(const CXXRecordDecl *Class);
  void settleReach(const CXXRecordDecl *Class);
  /// Tells the batch's collector, if any, what this unit judged.
  void recordJudgement(const CXXRecordDecl *Class, const ClassInfo &Info);
  ClassInfo roleByShape(const CXXRecordDecl *Definition);
  /// Where a class of the project shows it scopes a transaction on its
  /// borrowed member \p Session (TransactionScopes.cpp); None if it does not.
  Evidence transactionScopeEvidence(const CXXRecordDecl *Definition,
                                    const FieldDecl *Session);
  /// A pool by what it does with its sessions (PoolShape.cpp); None if not.
  Evidence poolEvidence(const CXXRecordDecl *Definition,
                        llvm::ArrayRef<const FieldDecl *> Containers,
                        bool HoldsAny);
  /// True if \p Class's destructor calls into a pool it keeps a pointer or
  /// reference to: whatever it holds of that pool's, it gives back (a lease).
  bool givesBackToPool(const CXXRecordDecl *Class);
  /// The classes whose member functions some user destructor calls through
  /// a member: what RAII leases give back to.
  const llvm::DenseSet<const CXXRecordDecl *> &givenBackTo(ASTContext &Context);
  /// What one member function shows about its class (ClassBehaviour.cpp).
  Evidence methodEvidence(const CXXMethodDecl *Method,
                          const CXXRecordDecl *Class);
  /// SQL on a table of its own in \p Body, or in the class's member
  /// functions it calls, \p Depth calls deep.
  Evidence domainSqlIn(const Stmt *Body, const CXXRecordDecl *Class,
                       unsigned Depth);
  /// A type declared by a catalogued library (a result, a row, a handle),
  /// through pointers, references, typedefs and standard templates.
  bool isLibraryType(QualType T);
  const FieldDecl *firstSessionMember(const CXXRecordDecl *Definition);
  /// A user class that carries the application's data (a `User`, an
  /// `Order`): a member function taking or returning one is a domain
  /// operation, not a session operation.
  bool isDomainType(QualType T, const CXXRecordDecl *Wrapper);
  bool takesOrReturnsDomainType(const CXXMethodDecl *Method,
                                const CXXRecordDecl *Wrapper);

  const SessionOptions &Options;
  llvm::DenseMap<const Decl *, ClassInfo> Roles;
  llvm::DenseMap<const Decl *, std::string> Names;
  CodeOrigin Origin;
  StrayDefinitions Strays;
  llvm::DenseSet<const Decl *> InProgress;
  /// mayHoldSession's answers, and the walk that computes them: Tarjan's
  /// strongly connected components over the graph "a value of this class
  /// contains one of that class", so that classes that point at each other
  /// (a plot and its axes) are settled together, each once.
  llvm::DenseMap<const Decl *, bool> MayHold;
  struct ReachNode {
    unsigned Index, Low;
    bool Reaches;
  };
  llvm::DenseMap<const Decl *, ReachNode> ReachOpen;
  llvm::SmallVector<const Decl *, 16> ReachStack;
  unsigned ReachNext = 0;
  std::optional<llvm::DenseSet<const CXXRecordDecl *>> GivenBackTo;
  bool CycleSeen = false;
  /// What begins and ends transactions, for the classes that scope one.
  std::unique_ptr<Transactions> Tx;
};

} // namespace clang::tidy::session

#endif
