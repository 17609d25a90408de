//===--- ManualTransactionCheck.h - session-manual-transaction ------------===//

#ifndef SESSION_LINT_MANUALTRANSACTIONCHECK_H
#define SESSION_LINT_MANUALTRANSACTIONCHECK_H

#include "model/HandleUses.h"
#include "model/SessionCheck.h"
#include "model/Transactions.h"

namespace clang::tidy::session {

/// R5: a transaction is guarded — an error path rolls it back. For libraries
/// that ship an RAII transaction guard, every begin written by hand outside a
/// guard class; for libraries without one, a begin that some path out of the
/// function (a return, a throw, a call that may throw) leaves open.
///
/// For the user-facing documentation see docs/checks/session-manual-transaction.md
class ManualTransactionCheck : public SessionCheck {
public:
  ManualTransactionCheck(StringRef Name, ClangTidyContext *Context);
  void registerUserCodeMatchers(UserCodeMatchers &Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  using ClassifiedCall = std::pair<const CallExpr *, TransactionCall>;
  void reportGuardable(const CallExpr *Begin, const TransactionCall &Tx,
                       const FunctionDecl *Function,
                       llvm::ArrayRef<ClassifiedCall> Classifieds);
  /// Does a function of the project end the transaction on its parameter
  /// \p Index (a commit helper)? Computed once per parameter.
  bool endsTransaction(const FunctionDecl *Callee, unsigned Index);
  void tellOtherUnits(const FunctionDecl *Function);
  HandleUses Uses;
  Transactions Tx;
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, bool> Ends;
};

} // namespace clang::tidy::session

#endif
