//===--- Transactions.h - Where a transaction begins and ends (R5) --------===//
//
// For session-manual-transaction: does a call begin or end a transaction,
// on which session, and does its library ship an RAII guard?
//
// * begins: the catalog's begin functions (`soci::session::begin`,
//   `QSqlDatabase::transaction`, `sql::Connection::setAutoCommit(false)`,
//   …), SQL text starting with BEGIN or START TRANSACTION sent through a
//   library call (`PQexec(conn, "BEGIN")`, `tx.exec("BEGIN")`,
//   `sqlite3_exec`, `mysql_query`), the user's `BeginFunctions`;
// * ends: commit and rollback, as functions or as SQL text (COMMIT, END,
//   ROLLBACK but not ROLLBACK TO a savepoint, ABORT), `setAutoCommit(true)`,
//   the user's `RollbackFunctions`;
// * the session is the call's object or first argument, when it names a
//   variable or a member of `this`; otherwise Session is null (an end on
//   `QSqlDatabase::database()` still says the function ends transactions);
// * through the project's own helpers: a function with a body here that
//   forwards one of its parameters as the SQL text of such a library call
//   (`exec_sql(m, "COMMIT")`, a class's own `exec("BEGIN")` running on its
//   member connection) is classified by the text its caller passes, on the
//   session the helper runs it on — summarised per function, through helpers
//   of helpers up to three levels;
// * through the project's own begin and end helpers: a function with a body
//   here that always begins (or only ends) a transaction on one of its
//   parameters with fixed text or a library call (`bool
//   BeginTransaction(PGconn *c)` sending BEGIN) does that to the argument
//   its caller passes, and returns what its body returns when it did;
// * a function of the project whose body is in another unit, in a batch
//   (BatchFacts.h): its name nominates it as a begin or end on a session
//   argument, and the unit that defines it confirms or refutes that from
//   the body — a finding resting on it is held back until then;
// * SQL text chosen at run time between two literals (`ok ? "COMMIT" :
//   "ROLLBACK"`) counts when both do the same to the transaction.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_TRANSACTIONS_H
#define SESSION_LINT_MODEL_TRANSACTIONS_H

#include "model/SessionModel.h"
#include "model/SessionOptions.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace clang::tidy::session {

struct TransactionCall {
  bool Begins = false;
  /// The session the transaction runs on.
  const ValueDecl *Session = nullptr;
  /// The session expression as written (for fix-its).
  const Expr *SessionExpr = nullptr;
  /// How the begin is spelled, for messages: "begin()", "BEGIN".
  std::string Spelling;
  /// The library's RAII guard, when it ships one ("soci::transaction").
  std::string Guard;
  /// Written as SQL text rather than a function.
  bool AsText = false;
  /// The library the call belongs to (null for the user's pairs).
  const LibraryEntry *Library = nullptr;
  /// What the begin returns when it succeeds, when that is known.
  std::optional<int64_t> SuccessValue;
  /// For a function of the project whose body this unit does not have: the
  /// effect its name suggests (Transactions::effectKey), which only the unit
  /// that defines it can confirm. Empty when read from code.
  std::string AssumedEffect;
};

class Transactions {
public:
  Transactions(const SessionOptions &Options, SessionModel &Model)
      : Options(Options), Model(Model) {}

  std::optional<TransactionCall> classify(const CallExpr *Call) {
    return classifyAt(Call, 0);
  }

  /// What a function of the project does to the transaction on one of its
  /// parameters, read from its body: fixed SQL text or a library begin or
  /// end run on that parameter, always (a begin) or on some path (an end).
  struct HelperEffect {
    TransactionCall Does;  // Session and SessionExpr unset
    unsigned SessionParam = 0;
    const CallExpr *Where = nullptr; // the call in its body that does it
  };
  const HelperEffect *helperEffect(const FunctionDecl *Function) {
    return effectOf(Function, 0);
  }

  /// How a batch names what a function does to a transaction in every unit
  /// (BatchFacts.h): its signature, the verb, the argument and the value it
  /// returns when it began.
  static std::string effectKey(const FunctionDecl *Function, bool Begins,
                               unsigned Param,
                               std::optional<int64_t> SuccessValue);

  /// A class whose destructor ends a transaction (a user-written guard), or
  /// a `TransactionGuardTypes` entry: its own begins are fine.
  bool isGuardClass(const CXXRecordDecl *Class);

  /// The constructor of \p Class that begins a transaction on its member
  /// \p Session, when its destructor ends one: a transaction guard the
  /// project wrote (`ScopedTransaction t(db);`), which borrows the session
  /// for one scope. Null otherwise, or when this unit shows neither body.
  const CXXConstructorDecl *guardConstructor(const CXXRecordDecl *Class,
                                             const FieldDecl *Session);

  /// SQL text a library call runs: which argument, on which session, and
  /// what it returns on success.
  struct SqlCall {
    unsigned Argument = 0;
    const Expr *Subject = nullptr;
    const LibraryEntry *Library = nullptr;
    std::optional<int64_t> SuccessValue;
  };
  /// What a function of the project forwards to such a call: the SQL text
  /// of one of its parameters, run on another parameter or on a member of
  /// `this` (an `exec` of the project's own connection class).
  struct Forwarder {
    unsigned SqlParam = 0;
    std::optional<unsigned> SessionParam; // else Member
    const ValueDecl *Member = nullptr;
    const LibraryEntry *Library = nullptr;
    std::optional<int64_t> SuccessValue;
  };

  /// The SQL text \p Call runs, through the library or a helper of the
  /// project that forwards its text to one.
  std::optional<SqlCall> sqlTextCall(const CallExpr *Call) {
    return sqlCall(Call, 0);
  }

private:
  std::optional<TransactionCall> classifyAt(const CallExpr *Call,
                                            unsigned Depth);
  std::optional<TransactionCall> helperCall(const CallExpr *Call,
                                            const FunctionDecl *Callee,
                                            unsigned Depth);
  std::optional<TransactionCall> assumedCall(const CallExpr *Call,
                                             const FunctionDecl *Callee);
  const HelperEffect *effectOf(const FunctionDecl *Function, unsigned Depth);
  std::optional<SqlCall> sqlCall(const CallExpr *Call, unsigned Depth);
  const Forwarder *forwarder(const FunctionDecl *Callee, unsigned Depth);

  const SessionOptions &Options;
  SessionModel &Model;
  llvm::DenseMap<const CXXRecordDecl *, bool> Guards;
  llvm::DenseMap<const FunctionDecl *, std::optional<Forwarder>> Forwarders;
  llvm::DenseMap<const FunctionDecl *, std::optional<HelperEffect>> Effects;
};

} // namespace clang::tidy::session

#endif
