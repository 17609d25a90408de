//===--- TransactionScopes.cpp - Guards the project writes itself ---------===//
//
// A class that begins a transaction on a session it borrows in its
// constructor and ends it in its destructor (`ScopedTransaction(QSqlDatabase
// &db) { db.transaction(); }`, `~ScopedTransaction() { m_db.commit(); }`) is
// a transaction guard: its objects live for one scope, as the library's own
// guards do, and the session it keeps a reference to is borrowed for that
// scope, not kept. What begins and ends a transaction is Transactions.h's.
//
//===----------------------------------------------------------------------===//

#include "model/SessionModel.h"
#include "model/Transactions.h"

namespace clang::tidy::session {

SessionModel::SessionModel(const SessionOptions &Options)
    : Options(Options), Origin(Options.Libraries) {}

SessionModel::~SessionModel() = default;

Evidence SessionModel::transactionScopeEvidence(const CXXRecordDecl *Definition,
                                                const FieldDecl *Session) {
  if (!Tx)
    Tx = std::make_unique<Transactions>(Options, *this);
  Evidence Why;
  if (const CXXConstructorDecl *Begins =
          Tx->guardConstructor(Definition, Session)) {
    Why.Kind = RoleEvidence::ScopesTransaction;
    Why.Where = Begins;
    Why.Loc = Begins->getLocation();
  }
  return Why;
}

} // namespace clang::tidy::session
