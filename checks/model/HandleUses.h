//===--- HandleUses.h - What acquires a session handle, and what a use does ===//
//
// The vocabulary of the ownership analysis (OwnershipAnalysis.h):
//
// * acquisition(E): does expression E hand out a fresh session handle the
//   caller must release? The C APIs of the catalog (`PQconnectdb`,
//   `mysql_init`, `redisConnect`, `sqlite3_open(…, &db)` and
//   `SQLAllocHandle(SQL_HANDLE_DBC, …, &dbc)` through an out-parameter),
//   owning raw pointers from factories (`sql::Driver::connect`), `new` of a
//   session type, the user's `AcquireFunctions`, and functions of this
//   translation unit that return a fresh handle (a summary per function).
//
// * classifyUse(use of a handle variable): what the use does to ownership —
//   nothing (a borrow: library calls, member access, null tests), a release
//   (`PQfinish(h)`, `delete h`, a `ReleaseFunctions` entry), handing ownership
//   on (returned, moved into `std::unique_ptr`/`std::shared_ptr`/a guard,
//   stored outside the function, passed to a function of this translation
//   unit that does one of these), a new acquisition into it, or something the
//   analysis cannot follow (an alias, a capture, an unknown callee) — then
//   the handle is dropped from the analysis: precision over recall.
//
// * mayThrow(function, policy): may a call leave by an exception? See
//   ThrowPolicy: C handles are judged by what can be shown, C++ session
//   objects by what the declarations allow.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_HANDLEUSES_H
#define SESSION_LINT_MODEL_HANDLEUSES_H

#include "model/SessionModel.h"
#include "model/SessionOptions.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>
#include <string>

namespace clang::tidy::session {

struct Acquisition {
  Acquisition() = default;
  Acquisition(const Expr *Site, const ValueDecl *OutParam, std::string Acquirer,
              std::string SuggestedOwner)
      : Site(Site), OutParam(OutParam), Acquirer(std::move(Acquirer)),
        SuggestedOwner(std::move(SuggestedOwner)) {}

  /// The acquiring call or new-expression.
  const Expr *Site = nullptr;
  /// Set when the handle is written through `&Var` (sqlite3_open): a local
  /// variable, or a member of `this` (`&db_` in a constructor).
  const ValueDecl *OutParam = nullptr;
  /// What acquired it, for messages: "PQconnectdb", "new".
  std::string Acquirer;
  /// The RAII owner to suggest.
  std::string SuggestedOwner;
  /// The acquisition's result code says whether a handle exists.
  bool NoHandleOnFailure = false;
  /// The value the acquiring call returns when it succeeds (true for
  /// `QSqlDatabase::transaction()`, 0 for `sqlite3_exec`), when known: on a
  /// branch where a test of that value says it failed, nothing is open.
  std::optional<int64_t> SuccessValue;
  /// A C API's handle (`PGconn *`, `sqlite3 *`, `SQLHDBC`), as opposed to a
  /// C++ session object held raw (`new pqxx::connection`, `sql::Driver::
  /// connect`): the two follow different may-throw policies (mayThrow).
  bool CHandle = false;
};

/// When may a call throw, for the handles it could leak?
enum class ThrowPolicy {
  /// Unless its declaration says it cannot (`noexcept`, `extern "C"`, the
  /// standard library, Qt) or its visible body cannot: a C++ session object
  /// held raw lives among C++ calls, and a project function without a body
  /// here is taken to throw.
  Declared,
  /// Only when it can be shown to throw: a visible body with a `throw` or a
  /// call that is shown to throw, or a C++ function of a library header (the
  /// client libraries' APIs throw on error). A project function without a
  /// body here does not: code that keeps C handles is mostly C-style code.
  Shown,
};

enum class UseKind {
  Borrow,   // no change of ownership
  Release,  // released here
  HandOn,   // ownership leaves this function's care
  Acquire,  // a new handle is written into the variable
  Reassign, // the variable is overwritten with something else
  Unknown,  // cannot follow: stop tracking this variable
};

struct Use {
  UseKind Kind = UseKind::Unknown;
  /// The statement at which the use takes effect (a call, a return, a
  /// declaration, an assignment): where the flow analysis applies it.
  const Stmt *Anchor = nullptr;
};

class HandleUses {
public:
  HandleUses(const SessionOptions &Options, SessionModel &Model)
      : Options(Options), Model(Model) {}

  /// If \p E acquires a handle, how.
  std::optional<Acquisition> acquisition(const Expr *E);

  /// What the use \p Ref of \p Handle does. \p Parents is the parent map of
  /// the function body that contains it.
  Use classifyUse(const Expr *Ref, const ValueDecl *Handle,
                  const ParentMap &Parents);

  /// May a call to \p Function throw? Declarations say so (`noexcept`,
  /// `extern "C"`); a body in this translation unit throws only if it has a
  /// throw or a call that may throw. Standard library calls are taken not to
  /// throw: their exceptions are, in practice, allocation failures.
  bool mayThrow(const FunctionDecl *Function,
                ThrowPolicy Policy = ThrowPolicy::Declared);

  /// The handle a function returns only when it succeeds, taking it from
  /// argument \p Index: `mysql_real_connect(mysql_init(nullptr), …)` returns
  /// null when the connection fails, and the handle mysql_init allocated is
  /// lost then.
  static bool returnsArgumentOrNull(const FunctionDecl *Callee, unsigned Index);

  /// What \p E names that the ownership analysis can follow: a local
  /// variable that is not a reference (a reference names storage elsewhere,
  /// such as a container's element), or a data member of `this`.
  static const ValueDecl *handleTarget(const Expr *E);

  /// The expression, walking up through casts and parentheses, whose value is
  /// \p E's value.
  static const Expr *outermostValue(const Expr *E, const ParentMap &Parents);

private:
  std::optional<Acquisition> callAcquisition(const CallExpr *Call);
  bool isReleaseCall(const CallExpr *Call) const;
  bool namedIn(const FunctionDecl *Function,
               llvm::ArrayRef<FunctionPair> Pairs, bool Acquire) const;
  /// What a call does with its argument \p Index; \p GivesBack is set when
  /// the callee returns it to the caller, otherwise only borrowing it.
  UseKind argumentUse(const CallExpr *Call, unsigned Index, bool &GivesBack);
  /// What a function of this translation unit does with its parameter.
  UseKind parameterUse(const FunctionDecl *Callee, unsigned Index);
  bool isFactory(const FunctionDecl *Function);
  std::string suggestionFor(llvm::StringRef Acquirer) const;

  const SessionOptions &Options;
  SessionModel &Model;
  llvm::DenseMap<const FunctionDecl *, std::optional<Acquisition>> Factories;
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, UseKind> Params;
  /// The parameters a function returns to its caller and otherwise borrows.
  llvm::DenseSet<std::pair<const FunctionDecl *, unsigned>> GivenBack;
  llvm::DenseMap<std::pair<const FunctionDecl *, int>, bool> Throws;
  unsigned SummaryDepth = 0;
};

} // namespace clang::tidy::session

#endif
