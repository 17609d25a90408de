//===--- Transactions.cpp - Where a transaction begins and ends (R5) ------===//

#include "model/Transactions.h"
#include "model/Literals.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::session {
namespace {

enum class SqlVerb { None, Begin, End };

SqlVerb sqlVerb(const StringLiteral *Literal) {
  if (!Literal || !Literal->isOrdinary())
    return SqlVerb::None;
  std::string Text = Literal->getString().trim().upper();
  llvm::StringRef Sql(Text);
  if (Sql.starts_with("BEGIN") || Sql.starts_with("START TRANSACTION"))
    return SqlVerb::Begin;
  if (Sql.starts_with("ROLLBACK TO"))
    return SqlVerb::None; // a savepoint, the transaction goes on
  if (Sql.starts_with("COMMIT") || Sql.starts_with("END") ||
      Sql.starts_with("ROLLBACK") || Sql.starts_with("ABORT"))
    return SqlVerb::End;
  return SqlVerb::None;
}

/// The variable or member of `this` an expression names.
const ValueDecl *sessionOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Deref = dyn_cast<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    E = Deref->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(Ref->getDecl());
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      return Member->getMemberDecl();
  return nullptr;
}

bool matchesFunction(llvm::StringRef Pattern, llvm::StringRef Name) {
  return Pattern.starts_with("^") ? llvm::Regex(Pattern).match(Name)
                                  : Pattern == Name;
}

/// Does a destructor end a transaction (call a commit/rollback, send
/// ROLLBACK)?
struct EndFinder : RecursiveASTVisitor<EndFinder> {
  Transactions &Tx;
  bool Found = false;
  explicit EndFinder(Transactions &Tx) : Tx(Tx) {}
  bool VisitCallExpr(CallExpr *Call) {
    if (auto Classified = Tx.classify(Call); Classified && !Classified->Begins)
      Found = true;
    if (const auto *Callee = Call->getDirectCallee())
      if (Callee->getIdentifier() && Callee->getName() == "rollback")
        Found = true;
    return !Found;
  }
};

} // namespace

std::optional<TransactionCall> Transactions::classify(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return std::nullopt;
  const std::string &Name = Model.qualifiedName(Callee);
  const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Call);
  // The session: the object of a member call, else the first argument.
  const Expr *Subject = MemberCall ? MemberCall->getImplicitObjectArgument()
                        : Call->getNumArgs() ? Call->getArg(0)
                                             : nullptr;
  if (!Subject)
    return std::nullopt;
  // Through a smart pointer: conn->commit() on a unique_ptr.
  if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(
          Subject->IgnoreParenImpCasts());
      Arrow && Arrow->getOperator() == OO_Arrow)
    Subject = Arrow->getArg(0);

  TransactionCall Result;
  Result.SessionExpr = Subject;
  Result.Session = sessionOf(Subject);
  if (!Result.Session)
    return std::nullopt;

  // The user's pairs first: they name their own functions.
  for (const FunctionPair &Pair : Options.BeginRollback) {
    if (matchesFunction(Pair.Acquire, Name)) {
      Result.Begins = true;
      Result.Spelling = Name;
      return Result;
    }
    if (matchesFunction(Pair.Release, Name))
      return Result;
  }

  const LibraryEntry *Library = Model.libraryOf(Callee);
  if (!Library)
    return std::nullopt;
  if (!Library->TransactionGuards.empty())
    Result.Guard = Library->TransactionGuards.front().str();

  // A begin function of the catalog, or its commit/rollback.
  llvm::StringRef Method =
      Callee->getIdentifier() ? Callee->getName() : llvm::StringRef();
  for (llvm::StringRef Begin : Library->BeginFunctions) {
    if (Begin == Name) {
      // setAutoCommit(false) begins; setAutoCommit(true) ends.
      if (Method == "setAutoCommit") {
        bool On = true;
        if (Call->getNumArgs() < 1 ||
            !Call->getArg(0)->EvaluateAsBooleanCondition(
                On, Callee->getASTContext()))
          return std::nullopt;
        Result.Begins = !On;
        Result.Spelling = "setAutoCommit(false)";
        return Result;
      }
      Result.Begins = true;
      Result.Spelling = Method.str() + "()";
      return Result;
    }
    if (MemberCall && Begin.rsplit("::").first ==
                          llvm::StringRef(Name).rsplit("::").first &&
        (Method == "commit" || Method == "rollback"))
      return Result;
  }

  // SQL text sent through the library.
  for (const Expr *Arg : Call->arguments())
    if (SqlVerb Verb = sqlVerb(stringLiteralIn(Arg)); Verb != SqlVerb::None) {
      Result.Begins = Verb == SqlVerb::Begin;
      Result.AsText = true;
      Result.Spelling = stringLiteralIn(Arg)->getString().trim().str();
      return Result;
    }
  return std::nullopt;
}

bool Transactions::isGuardClass(const CXXRecordDecl *Class) {
  if (!Class)
    return false;
  auto [It, Inserted] = Guards.try_emplace(Class, false);
  if (!Inserted)
    return It->second;
  if (Options.TransactionGuardTypes.matches(Model.qualifiedName(Class)))
    return It->second = true;
  const CXXDestructorDecl *Destructor = Class->getDestructor();
  const FunctionDecl *Body = nullptr;
  if (!Destructor || !Destructor->hasBody(Body))
    return false;
  EndFinder Finder(*this);
  Finder.TraverseStmt(Body->getBody());
  return It->second = Finder.Found;
}

} // namespace clang::tidy::session
