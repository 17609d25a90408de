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
//   transaction guard, scope class), or — because most teams write their own
//   — a pool or a session wrapper recognised by its shape:
//     - a pool holds sessions in a container and hands them out (or is named
//       like one);
//     - a wrapper owns exactly one session (by value, owning smart pointer,
//       or a raw handle its destructor releases) and its public interface is
//       about that session only (open/close, exec/query/prepare,
//       transactions, accessors). A wrapper is a session type itself: a
//       class that stores one stores a session.
//   Everything else that holds a session is a plain class: a service.
//
// * isPartOfPool(class): nested in a pool, so part of its implementation.
//
// * singletonEvidence(class): the declaration that makes a class a singleton
//   (a static member instance of itself, or a static local of its own type in
//   one of its static member functions — a Meyers singleton).
//
// Results are memoized per declaration: a model lives for one translation
// unit, as clang-tidy checks do.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_SESSIONMODEL_H
#define SESSION_LINT_MODEL_SESSIONMODEL_H

#include "model/SessionOptions.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
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

struct ClassInfo {
  ClassRole Role = ClassRole::Plain;
  /// For wrappers and guards: the member that holds the session.
  const FieldDecl *SessionMember = nullptr;
};

struct Holding {
  HolderKind Kind = HolderKind::Value;
  /// The declaration that makes it a session: a catalog or user record or
  /// typedef, or a wrapper/guard class.
  const NamedDecl *SessionDecl = nullptr;
  /// Set when SessionDecl is a wrapper or guard: the member it owns.
  const FieldDecl *WrappedMember = nullptr;
};

class SessionModel {
public:
  explicit SessionModel(const SessionOptions &Options) : Options(Options) {}

  std::optional<Holding> holding(QualType T);
  ClassInfo roleOf(const CXXRecordDecl *Class);
  const NamedDecl *singletonEvidence(const CXXRecordDecl *Class);
  /// True for a declaration in a catalogued library's own namespace or
  /// headers: its classes keep back-references to sessions by design.
  bool isLibraryCode(const Decl *D);
  /// The catalogued library \p D belongs to, if any.
  const LibraryEntry *libraryOf(const Decl *D);
  /// True for a class nested in a pool: the pool's slots and bookkeeping.
  /// (A lease the pool hands out is a wrapper: its role says so first.)
  bool isPartOfPool(const CXXRecordDecl *Class);

  /// True if \p T was written with a template parameter that an
  /// instantiation replaced (`T conn_;` in `Holder<pqxx::connection>`): the
  /// template itself could not say whether it holds a session.
  static bool spelledWithTemplateArgument(QualType T);

  /// True for a specialization of a standard or Qt smart pointer or
  /// container: a holder whose insides are the library's, not the user's.
  static bool isHolderTemplate(const CXXRecordDecl *Class);

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
  ClassInfo roleByShape(const CXXRecordDecl *Definition);
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
  llvm::DenseMap<FileID, const LibraryEntry *> LibraryFiles;
  llvm::DenseSet<const Decl *> InProgress;
  bool CycleSeen = false;
};

} // namespace clang::tidy::session

#endif
