//===--- PoolerSessionStateCheck.cpp - session-pooler-session-state -------===//

#include "PoolerSessionStateCheck.h"
#include "model/Literals.h"
#include "model/SessionState.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::session {
namespace {

/// callExpr(unless(isExpansionInSystemHeader())), as one predicate.
AST_MATCHER(CallExpr, isUserCall) {
  return !inSystemHeader(Node.getBeginLoc(),
                         Finder->getASTContext().getSourceManager());
}

/// Why each kind of state does not survive the pooler, and what to do.
const char *advice(SessionState Kind) {
  switch (Kind) {
  case SessionState::Setting:
    return "'%0' changes a session-level setting, which a pooler in %1 mode "
           "does not keep: the next transaction may run on another server "
           "connection, and this one carries the setting to another client; "
           "use SET LOCAL inside the transaction, or set it for the role or "
           "database (ALTER ROLE ... SET)";
  case SessionState::PreparedStatement:
    return "prepared statement %0 is created on one server connection; "
           "behind a pooler in %1 mode the statements that execute it may "
           "run on another ('prepared statement does not exist'); run the "
           "SQL with parameters instead (PQexecParams, exec_params)";
  case SessionState::Listen:
    return "'%0' registers on one server connection, which a pooler in %1 "
           "mode lends to other clients after the transaction: the "
           "notifications go astray; listen on a direct connection to the "
           "server";
  case SessionState::AdvisoryLock:
    return "session-level advisory lock '%0' stays with the server "
           "connection after the transaction, which a pooler in %1 mode "
           "lends to other clients; use the transaction-level form "
           "(pg_advisory_xact_lock) inside the transaction";
  }
  return "";
}

} // namespace

PoolerSessionStateCheck::PoolerSessionStateCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : SessionCheck(Name, Context, TypeOptions | PoolerOptions),
      PoolMode(readPoolMode(Options, Name,
                            [this](const std::string &Error) {
                              configurationDiag(Error, DiagnosticIDs::Error);
                            })),
      Tx(Config, Model) {}

void PoolerSessionStateCheck::registerUserCodeMatchers(
    UserCodeMatchers &Finder) {
  // In session mode (and with no pooler) a client keeps its server
  // connection: nothing to report, nothing to match.
  if (!PoolMode || *PoolMode == "session")
    return;
  Finder.addMatcher(callExpr(isUserCall()).bind("call"));
}

std::optional<std::string>
PoolerSessionStateCheck::preparedByLibrary(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  const LibraryEntry *Library = Model.libraryOf(Callee);
  if (!Library)
    return std::nullopt;
  llvm::StringRef Function = Callee->getName();
  // PQprepare(conn, name, query, ...), PQsendPrepare: the name is argument
  // 1; libpqxx's connection prepare(name, definition): argument 0 (its
  // one-argument form prepares the unnamed statement, lent with the rest).
  std::optional<unsigned> NameArgument;
  if (Library->Name == "libpq" &&
      (Function == "PQprepare" || Function == "PQsendPrepare"))
    NameArgument = 1;
  else if (Library->Name == "libpqxx" && isa<CXXMethodDecl>(Callee) &&
           Function == "prepare" && Call->getNumArgs() >= 2)
    NameArgument = 0;
  if (!NameArgument || *NameArgument >= Call->getNumArgs())
    return std::nullopt;
  const StringLiteral *Name = stringLiteralIn(Call->getArg(*NameArgument));
  return Name ? "'" + Name->getString().str() + "'"
              : std::string("named at run time");
}

void PoolerSessionStateCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (!Call)
    return;
  if (std::optional<std::string> Name = preparedByLibrary(Call)) {
    diag(Call->getBeginLoc(), advice(SessionState::PreparedStatement))
        << *Name << *PoolMode;
    return;
  }
  // libpqxx's set_variable sends SET for the connection's session.
  if (const FunctionDecl *Callee = Call->getDirectCallee();
      Callee && Callee->getIdentifier() &&
      (Callee->getName() == "set_variable" ||
       Callee->getName() == "set_session_var") &&
      isa<CXXMethodDecl>(Callee)) {
    const LibraryEntry *Library = Model.libraryOf(Callee);
    const auto *Class = cast<CXXMethodDecl>(Callee)->getParent();
    if (Library && Library->Name == "libpqxx" && Class->getIdentifier() &&
        Class->getName().starts_with("connection") && Call->getNumArgs()) {
      const StringLiteral *Variable = stringLiteralIn(Call->getArg(0));
      diag(Call->getBeginLoc(), advice(SessionState::Setting))
          << ("SET " + (Variable ? Variable->getString() : "...")).str()
          << *PoolMode;
      return;
    }
  }
  std::optional<Transactions::SqlCall> Sql = Tx.sqlTextCall(Call);
  if (!Sql || Sql->Argument >= Call->getNumArgs())
    return;
  const Expr *Text = Call->getArg(Sql->Argument);
  const StringLiteral *Literal = stringLiteralIn(Text);
  if (!Literal || Literal->getCharByteWidth() != 1)
    return;
  if (std::optional<SessionStateUse> Use = sessionStateIn(Literal->getString()))
    diag(Literal->getBeginLoc(), advice(Use->Kind))
        << Use->Spelling << *PoolMode;
}

} // namespace clang::tidy::session
