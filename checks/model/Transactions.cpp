//===--- Transactions.cpp - Where a transaction begins and ends (R5) ------===//

#include "model/Transactions.h"
#include "model/BatchFacts.h"
#include "model/IdentifierWords.h"
#include "model/Literals.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::session {
namespace {

enum class SqlVerb { None, Begin, End };

/// The verb of one SQL statement, by whole words: BEGIN [WORK|TRANSACTION],
/// START TRANSACTION; COMMIT, END, ABORT, ROLLBACK — but ROLLBACK … TO
/// (a savepoint) leaves the transaction open.
SqlVerb statementVerb(llvm::StringRef Statement) {
  llvm::SmallVector<llvm::StringRef, 4> Words;
  Statement.split(Words, ' ', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  if (Words.empty())
    return SqlVerb::None;
  llvm::StringRef First = Words[0];
  if (First == "BEGIN" ||
      (First == "START" && Words.size() > 1 && Words[1] == "TRANSACTION"))
    return SqlVerb::Begin;
  if (First == "ROLLBACK" && llvm::is_contained(Words, "TO"))
    return SqlVerb::None;
  if (First == "COMMIT" || First == "END" || First == "ABORT" ||
      First == "ROLLBACK")
    return SqlVerb::End;
  return SqlVerb::None;
}

/// What a piece of SQL text does to the transaction: its last statement that
/// begins or ends one decides ("BEGIN; …; COMMIT;" leaves none open).
SqlVerb sqlVerb(const StringLiteral *Literal, std::string *Statement) {
  if (!Literal || !Literal->isOrdinary())
    return SqlVerb::None;
  // Without `-- comments` to the end of a line.
  std::string Text;
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  Literal->getString().split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    Text += Line.split("--").first.upper() + " ";
  for (char &C : Text)
    if (llvm::isSpace(C))
      C = ' ';
  llvm::SmallVector<llvm::StringRef, 4> Statements;
  llvm::StringRef(Text).split(Statements, ';', -1, /*KeepEmpty=*/false);
  SqlVerb Verb = SqlVerb::None;
  for (llvm::StringRef One : Statements)
    if (SqlVerb Found = statementVerb(One.trim()); Found != SqlVerb::None) {
      Verb = Found;
      // For messages: the statement, on one line, as the verbs read it.
      llvm::SmallVector<llvm::StringRef, 4> Words;
      One.split(Words, ' ', -1, /*KeepEmpty=*/false);
      *Statement = llvm::join(Words, " ");
    }
  return Verb;
}

/// What SQL text \p E does: a literal's verb, or, for `c ? "COMMIT" :
/// "ROLLBACK"`, the verb both branches share.
SqlVerb textVerb(const Expr *E, std::string *Statement) {
  const Expr *Value = throughConversions(E);
  if (const auto *Choice =
          dyn_cast_or_null<ConditionalOperator>(Value)) {
    std::string Other;
    SqlVerb True = textVerb(Choice->getTrueExpr(), Statement);
    SqlVerb False = textVerb(Choice->getFalseExpr(), &Other);
    if (True != False)
      return SqlVerb::None;
    if (True != SqlVerb::None && *Statement != Other)
      *Statement += " or " + Other;
    return True;
  }
  return sqlVerb(dyn_cast_or_null<StringLiteral>(Value), Statement);
}

/// The parameter of \p Function whose value \p E is, through conversions
/// and `.c_str()`/`.data()`.
std::optional<unsigned> parameterIn(const Expr *E, const FunctionDecl *Function) {
  for (unsigned Depth = 0; Depth < 4 && E; ++Depth) {
    E = throughConversions(E);
    if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (Method && Method->getIdentifier() &&
          (Method->getName() == "c_str" || Method->getName() == "data") &&
          Member->getNumArgs() == 0) {
        E = Member->getImplicitObjectArgument();
        continue;
      }
      return std::nullopt;
    }
    break;
  }
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts()
                                                    : nullptr);
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!Param || Param->getDeclContext() != Function)
    return std::nullopt;
  return Param->getFunctionScopeIndex();
}

/// Which argument of a library call is SQL text to run (not a prepared
/// statement's name): PQexec(conn, sql), sqlite3_exec(db, sql, …),
/// mysql_query(conn, sql), session << sql, and the exec/query members.
std::optional<unsigned> sqlArgument(const FunctionDecl *Callee,
                                    const CallExpr *Call) {
  if (!Callee->getIdentifier()) {
    const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
    if (Operator && Operator->getOperator() == OO_LessLess)
      return 1u;
    return std::nullopt;
  }
  llvm::StringRef Name = Callee->getName();
  if (isa<CXXMethodDecl>(Callee))
    return llvm::is_contained({"exec", "exec0", "exec1", "exec_params",
                               "execute", "query", "exec_n"},
                              Name)
               ? std::optional<unsigned>(0u)
               : std::nullopt;
  return llvm::is_contained({"PQexec", "PQexecParams", "PQsendQuery",
                             "PQsendQueryParams", "sqlite3_exec",
                             "mysql_query", "mysql_real_query"},
                            Name)
             ? std::optional<unsigned>(1u)
             : std::nullopt;
}

/// The variable or member of `this` an expression names. Qt's
/// `QSqlDatabase::database()` names the default connection: the function
/// itself stands for it, so that `database().transaction()` and
/// `database().commit()` in one function pair up.
const ValueDecl *sessionOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  for (unsigned Depth = 0; Depth < 4; ++Depth) {
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temporary->getSubExpr()->IgnoreParenImpCasts();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr()->IgnoreParenImpCasts();
    else
      break;
  }
  // The name's last word first: this runs for every call's object, and
  // printing a qualified name allocates.
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->getIdentifier() && Callee->getName() == "database" &&
        Callee->getQualifiedNameAsString() == "QSqlDatabase::database" &&
        (Call->getNumArgs() == 0 ||
         isa<CXXDefaultArgExpr>(Call->getArg(0))))
      return Callee;
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
  SessionModel &Model;
  unsigned Depth;
  bool Found = false;
  EndFinder(Transactions &Tx, SessionModel &Model, unsigned Depth)
      : Tx(Tx), Model(Model), Depth(Depth) {}
  bool VisitCallExpr(CallExpr *Call) {
    if (auto Classified = Tx.classify(Call); Classified && !Classified->Begins)
      Found = true;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() && Callee->getName() == "rollback")
      Found = true;
    // Through helpers: `~Guard() { if (!Done) abort(); }`, or a free
    // function that rolls back quietly.
    const FunctionDecl *Body = nullptr;
    if (!Found && Depth && Callee && Callee->hasBody(Body) &&
        !Model.isLibraryCode(Callee)) {
      EndFinder Inner(Tx, Model, Depth - 1);
      Inner.TraverseStmt(Body->getBody());
      Found = Inner.Found;
    }
    return !Found;
  }
};

/// The body of a project function that this unit shows, for a helper's
/// summary: none for the library's own, a system header's, or a function
/// defined elsewhere.
const FunctionDecl *projectDefinition(const FunctionDecl *Function,
                                      SessionModel &Model) {
  const FunctionDecl *Definition = nullptr;
  if (!Function->hasBody(Definition) || Model.isLibraryCode(Function) ||
      Function->getASTContext().getSourceManager().isInSystemHeader(
          Definition->getLocation()))
    return nullptr;
  return Definition;
}

/// The calls in \p Body, outside the lambdas it defines.
llvm::SmallVector<const CallExpr *, 8> callsIn(const Stmt *Body) {
  struct Calls : RecursiveASTVisitor<Calls> {
    llvm::SmallVector<const CallExpr *, 8> Found;
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitCallExpr(CallExpr *Call) {
      Found.push_back(Call);
      return true;
    }
  } All;
  All.TraverseStmt(const_cast<Stmt *>(Body));
  return All.Found;
}

} // namespace

std::optional<TransactionCall> Transactions::classifyAt(const CallExpr *Call,
                                                       unsigned Depth) {
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

  // The user's pairs first: they name their own functions. With a
  // configured guard, a begin of theirs is judged as a library's with a
  // guard: every begin outside the guard.
  for (const FunctionPair &Pair : Options.BeginRollback) {
    if (matchesFunction(Pair.Acquire, Name)) {
      Result.Begins = true;
      Result.Spelling = Name;
      llvm::SmallVector<llvm::StringRef, 2> Guards;
      llvm::StringRef(Options.TransactionGuardTypes.text())
          .split(Guards, ';', -1, /*KeepEmpty=*/false);
      for (llvm::StringRef Guard : Guards)
        if (!Guard.trim().starts_with("^")) {
          Result.Guard = Guard.trim().str();
          break;
        }
      return Result;
    }
    if (matchesFunction(Pair.Release, Name))
      return Result;
  }

  const LibraryEntry *Library = Model.libraryOf(Callee);
  if (!Library) {
    if (isa<CXXOperatorCallExpr>(Call))
      return std::nullopt;
    // The project's own helper that forwards SQL text to the library.
    const Forwarder *Helper = forwarder(Callee, Depth);
    if (!Helper)
      return helperCall(Call, Callee, Depth);
    if (Helper->SqlParam >= Call->getNumArgs())
      return std::nullopt;
    std::string Statement;
    SqlVerb Verb = textVerb(Call->getArg(Helper->SqlParam), &Statement);
    if (Verb == SqlVerb::None)
      return std::nullopt;
    if (Helper->SessionParam) {
      if (*Helper->SessionParam >= Call->getNumArgs())
        return std::nullopt;
      Result.SessionExpr = Call->getArg(*Helper->SessionParam);
      Result.Session = sessionOf(Result.SessionExpr);
    } else if (MemberCall && isa<CXXThisExpr>(MemberCall->getImplicitObjectArgument()
                                                  ->IgnoreParenImpCasts())) {
      Result.Session = Helper->Member; // this->exec(…) runs on this->conn_
    }
    // else: on another object, which stands for its session (Subject).
    Result.Library = Helper->Library;
    if (!Helper->Library->TransactionGuards.empty())
      Result.Guard = Helper->Library->TransactionGuards.front().str();
    Result.Begins = Verb == SqlVerb::Begin;
    Result.AsText = true;
    Result.Spelling = Statement;
    Result.SuccessValue = Helper->SuccessValue;
    return Result;
  }
  Result.Library = Library;
  if (!Library->TransactionGuards.empty())
    Result.Guard = Library->TransactionGuards.front().str();

  // The MySQL C API's own: mysql_commit/mysql_rollback end,
  // mysql_autocommit(conn, 0) begins (returns 0 on success), (conn, 1) ends.
  if (Name == "mysql_commit" || Name == "mysql_rollback")
    return Result;
  if (Name == "mysql_autocommit") {
    bool On = true;
    if (Call->getNumArgs() < 2 || !Call->getArg(1)->EvaluateAsBooleanCondition(
                                      On, Callee->getASTContext()))
      return std::nullopt;
    Result.Begins = !On;
    Result.Spelling = "mysql_autocommit(0)";
    Result.SuccessValue = 0;
    return Result;
  }

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
      if (Name == "QSqlDatabase::transaction")
        Result.SuccessValue = 1; // returns true when it began
      return Result;
    }
    // commit() and rollback(); rollback(savepoint) keeps the transaction.
    if (MemberCall && Call->getNumArgs() == 0 &&
        Begin.rsplit("::").first == llvm::StringRef(Name).rsplit("::").first &&
        (Method == "commit" || Method == "rollback"))
      return Result;
  }

  // SQL text sent through the library.
  std::optional<SqlCall> Sql = sqlCall(Call, 0);
  if (!Sql)
    return std::nullopt;
  std::string Statement;
  SqlVerb Verb = textVerb(Call->getArg(Sql->Argument), &Statement);
  if (Verb == SqlVerb::None)
    return std::nullopt;
  Result.Begins = Verb == SqlVerb::Begin;
  Result.AsText = true;
  Result.Spelling = Statement;
  Result.SuccessValue = Sql->SuccessValue;
  return Result;
}

/// A call of the project's own begin or end helper: what its body does
/// (effectOf) to the argument this call passes; without the body, what its
/// name suggests, for the unit that defines it to confirm.
std::optional<TransactionCall>
Transactions::helperCall(const CallExpr *Call, const FunctionDecl *Callee,
                         unsigned Depth) {
  if (!Callee->hasBody())
    return assumedCall(Call, Callee);
  const HelperEffect *Effect = effectOf(Callee, Depth);
  if (!Effect || Effect->SessionParam >= Call->getNumArgs())
    return std::nullopt;
  TransactionCall Result = Effect->Does;
  Result.SessionExpr = Call->getArg(Effect->SessionParam);
  Result.Session = sessionOf(Result.SessionExpr);
  return Result;
}

std::optional<TransactionCall>
Transactions::assumedCall(const CallExpr *Call, const FunctionDecl *Callee) {
  // Only a batch has the unit that can confirm it; elsewhere the call says
  // nothing.
  if (!BatchFacts::active() || !Callee->getIdentifier() ||
      Model.isLibraryCode(Callee) ||
      Callee->getASTContext().getSourceManager().isInSystemHeader(
          Callee->getLocation()))
    return std::nullopt;
  // Begins only: an end without its body is a hand-on to a committer
  // (ManualTransactionCheck::endsTransaction), as outside a batch.
  bool Begins = false, Ends = false;
  for (const std::string &Word : identifierWords(Callee->getName())) {
    Begins |= Word == "begin";
    Ends |= Word == "commit" || Word == "rollback" || Word == "abort";
  }
  if (!Begins || Ends)
    return std::nullopt;
  // The session it works on: the first argument of a library's session type.
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    const Expr *Argument = Call->getArg(I);
    std::optional<Holding> Held = Model.holding(Argument->getType());
    const ValueDecl *Session = sessionOf(Argument);
    const LibraryEntry *Library =
        Held && Session ? Model.libraryOf(Held->SessionDecl) : nullptr;
    if (!Library)
      continue;
    TransactionCall Result;
    Result.Begins = true;
    Result.Session = Session;
    Result.SessionExpr = Argument;
    Result.Spelling = Callee->getNameAsString() + "()";
    Result.Library = Library;
    // The value a begin helper returns when it began, as C++ code writes it.
    QualType Returns = Callee->getReturnType();
    if (Returns->isBooleanType())
      Result.SuccessValue = 1;
    else if (Returns->isIntegerType())
      Result.SuccessValue = 0;
    Result.AssumedEffect = effectKey(Callee, true, I, Result.SuccessValue);
    return Result;
  }
  return std::nullopt;
}

std::string Transactions::effectKey(const FunctionDecl *Function, bool Begins,
                                    unsigned Param,
                                    std::optional<int64_t> SuccessValue) {
  std::string Key = "function " + Function->getQualifiedNameAsString() + "(";
  for (const ParmVarDecl *P : Function->parameters()) {
    if (P->getFunctionScopeIndex())
      Key += ", ";
    Key += P->getType().getCanonicalType().getAsString();
  }
  Key += Begins ? ") begins" : ") ends";
  Key += " a transaction on argument " + std::to_string(Param + 1);
  if (SuccessValue)
    Key += " and returns " + std::to_string(*SuccessValue) + " when it began";
  return Key;
}

namespace {

/// The one value \p Function returns whenever it returns after its last
/// statement: every return is a constant and the body ends with one.
std::optional<int64_t> finalConstantReturn(const FunctionDecl *Definition) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition->getBody());
  if (!Body || Body->body_empty() || Definition->getReturnType()->isVoidType())
    return std::nullopt;
  struct Returns : RecursiveASTVisitor<Returns> {
    llvm::SmallVector<const ReturnStmt *, 4> Found;
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitReturnStmt(ReturnStmt *Return) {
      Found.push_back(Return);
      return true;
    }
  } All;
  All.TraverseStmt(const_cast<CompoundStmt *>(Body));
  const ASTContext &Context = Definition->getASTContext();
  auto ValueOf = [&](const ReturnStmt *Return) -> std::optional<int64_t> {
    Expr::EvalResult Value;
    if (!Return->getRetValue() ||
        !Return->getRetValue()->EvaluateAsInt(Value, Context))
      return std::nullopt;
    return Value.Val.getInt().getExtValue();
  };
  if (llvm::any_of(All.Found, [&](const ReturnStmt *R) { return !ValueOf(R); }))
    return std::nullopt;
  const auto *Last = dyn_cast<ReturnStmt>(Body->body_back());
  return Last ? ValueOf(Last) : std::nullopt;
}

/// Does \p Inner run every time \p Body does: no branch, loop, handler or
/// lambda between them (an `if`'s condition runs)?
bool runsUnconditionally(const Stmt *Inner, const ParentMap &Parents) {
  const Stmt *Child = Inner;
  for (const Stmt *Parent = Parents.getParent(Inner); Parent;
       Child = Parent, Parent = Parents.getParent(Parent)) {
    if (const auto *If = dyn_cast<IfStmt>(Parent)) {
      if (Child != If->getCond())
        return false;
      continue;
    }
    if (const auto *Logical = dyn_cast<BinaryOperator>(Parent);
        Logical && Logical->isLogicalOp() && Child != Logical->getLHS())
      return false;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt,
            AbstractConditionalOperator, CXXCatchStmt, LambdaExpr>(Parent))
      return false;
  }
  return true;
}

} // namespace

/// A function of the project that begins a transaction on one of its
/// parameters every time it runs, or that ends one there, and does nothing
/// else to a transaction on it. A helper that does both (begins, and rolls
/// back when the begin failed) or begins on some paths only says nothing.
/// Helpers of libraries that ship a guard are left out: the begin in their
/// body is the finding.
const Transactions::HelperEffect *
Transactions::effectOf(const FunctionDecl *Function, unsigned Depth) {
  auto [It, Inserted] = Effects.try_emplace(Function, std::nullopt);
  if (!Inserted)
    return It->second ? &*It->second : nullptr;
  const FunctionDecl *Definition = projectDefinition(Function, Model);
  if (Depth >= 3 || Function->getNumParams() == 0 || !Definition)
    return nullptr;
  ParentMap Parents(Definition->getBody());
  std::optional<HelperEffect> Found;
  for (const CallExpr *Inner : callsIn(Definition->getBody())) {
    std::optional<TransactionCall> Does = classifyAt(Inner, Depth + 1);
    const auto *Param =
        Does ? dyn_cast_or_null<ParmVarDecl>(Does->Session) : nullptr;
    if (!Param || Param->getDeclContext() != Definition)
      continue;
    if (!Does->Guard.empty() || !Does->AssumedEffect.empty() ||
        (Found && Found->Does.Begins != Does->Begins) ||
        (Does->Begins && !runsUnconditionally(Inner, Parents))) {
      Found.reset();
      break;
    }
    if (Found)
      continue;
    Found.emplace();
    Found->SessionParam = Param->getFunctionScopeIndex();
    Found->Where = Inner;
    Found->Does = *Does;
    Found->Does.Session = nullptr;
    Found->Does.SessionExpr = nullptr;
    Found->Does.Spelling = Function->getNameAsString() + "()";
    Found->Does.SuccessValue =
        Does->Begins ? finalConstantReturn(Definition) : std::nullopt;
  }
  Effects[Function] = Found;
  auto Stored = Effects.find(Function);
  return Stored->second ? &*Stored->second : nullptr;
}

std::optional<Transactions::SqlCall>
Transactions::sqlCall(const CallExpr *Call, unsigned Depth) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return std::nullopt;
  const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Call);
  SqlCall Found;
  Found.Subject = MemberCall ? MemberCall->getImplicitObjectArgument()
                  : Call->getNumArgs() ? Call->getArg(0)
                                       : nullptr;
  if (!Found.Subject)
    return std::nullopt;
  if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(
          Found.Subject->IgnoreParenImpCasts());
      Arrow && Arrow->getOperator() == OO_Arrow)
    Found.Subject = Arrow->getArg(0);
  Found.Library = Model.libraryOf(Callee);
  if (!Found.Library) {
    const Forwarder *Helper = forwarder(Callee, Depth);
    if (!Helper || isa<CXXOperatorCallExpr>(Call) ||
        Helper->SqlParam >= Call->getNumArgs())
      return std::nullopt;
    Found.Argument = Helper->SqlParam;
    Found.Library = Helper->Library;
    Found.SuccessValue = Helper->SuccessValue;
    if (Helper->SessionParam) {
      if (*Helper->SessionParam >= Call->getNumArgs())
        return std::nullopt;
      Found.Subject = Call->getArg(*Helper->SessionParam);
    } else if (!MemberCall) {
      return std::nullopt;
    }
    return Found;
  }
  std::optional<unsigned> Sql = sqlArgument(Callee, Call);
  if (!Sql || *Sql >= Call->getNumArgs())
    return std::nullopt;
  Found.Argument = *Sql;
  // sqlite3_exec and mysql_query return 0 when the statement ran.
  if (Callee->getIdentifier() &&
      llvm::is_contained({"sqlite3_exec", "mysql_query", "mysql_real_query"},
                         Callee->getName()))
    Found.SuccessValue = 0;
  return Found;
}

/// A project function forwarding SQL text: some call in its body runs one
/// of its parameters as SQL (sqlCall) on another parameter or on a member
/// of `this`. It returns the library's success code when its body is that
/// call returned.
const Transactions::Forwarder *
Transactions::forwarder(const FunctionDecl *Callee, unsigned Depth) {
  auto [It, Inserted] = Forwarders.try_emplace(Callee, std::nullopt);
  if (!Inserted)
    return It->second ? &*It->second : nullptr;
  // SQL text reaches a helper as characters or a string class.
  auto CarriesText = [](const ParmVarDecl *Param) {
    QualType T = Param->getType().getNonReferenceType();
    return T->isRecordType() ||
           (T->isPointerType() && T->getPointeeType()->isAnyCharacterType());
  };
  const FunctionDecl *Definition = projectDefinition(Callee, Model);
  if (Depth >= 3 || llvm::none_of(Callee->parameters(), CarriesText) ||
      !Definition)
    return nullptr;
  std::optional<Forwarder> Result;
  for (const CallExpr *Inner : callsIn(Definition->getBody())) {
    std::optional<SqlCall> Sql = sqlCall(Inner, Depth + 1);
    if (!Sql)
      continue;
    std::optional<unsigned> Text =
        parameterIn(Inner->getArg(Sql->Argument), Definition);
    if (!Text)
      continue;
    Forwarder F;
    F.SqlParam = *Text;
    F.Library = Sql->Library;
    const Expr *Subject = Sql->Subject->IgnoreParenImpCasts();
    if (std::optional<unsigned> Session = parameterIn(Subject, Definition))
      F.SessionParam = *Session;
    else if (const auto *Member = dyn_cast<MemberExpr>(Subject);
             Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()) &&
             isa<CXXMethodDecl>(Definition))
      F.Member = Member->getMemberDecl();
    else
      continue;
    // `return mysql_query(m, q);`: the helper's result is the library's.
    if (const auto *Block = dyn_cast<CompoundStmt>(Definition->getBody());
        Block && Block->size() == 1)
      if (const auto *Return = dyn_cast<ReturnStmt>(Block->body_front());
          Return && Return->getRetValue() &&
          Return->getRetValue()->IgnoreParenImpCasts() == Inner)
        F.SuccessValue = Sql->SuccessValue;
    Result = F;
    break;
  }
  Forwarders[Callee] = Result;
  auto Stored = Forwarders.find(Callee);
  return Stored->second ? &*Stored->second : nullptr;
}

const CXXConstructorDecl *
Transactions::guardConstructor(const CXXRecordDecl *Class,
                               const FieldDecl *Session) {
  const CXXDestructorDecl *Destructor = Class->getDestructor();
  const FunctionDecl *End = nullptr;
  if (!Destructor || !Destructor->hasBody(End))
    return nullptr;
  EndFinder Ends(*this, Model, /*Depth=*/2);
  Ends.TraverseStmt(End->getBody());
  if (!Ends.Found)
    return nullptr;
  for (const CXXConstructorDecl *Constructor : Class->ctors()) {
    const FunctionDecl *Body = nullptr;
    if (!Constructor->hasBody(Body))
      continue;
    for (const CallExpr *Call : callsIn(Body->getBody()))
      if (auto Classified = classify(Call);
          Classified && Classified->Begins && Classified->Session == Session &&
          Classified->AssumedEffect.empty()) // read from code, not a name
        return Constructor;
  }
  return nullptr;
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
  if (!Destructor || !Destructor->isUserProvided())
    return false;
  // A destructor defined in another file cannot be read: a class that
  // begins and writes its own destructor gets the benefit of the doubt.
  const FunctionDecl *Body = nullptr;
  if (!Destructor->hasBody(Body))
    return It->second = true;
  EndFinder Finder(*this, Model, /*Depth=*/2);
  Finder.TraverseStmt(Body->getBody());
  return It->second = Finder.Found;
}

} // namespace clang::tidy::session
