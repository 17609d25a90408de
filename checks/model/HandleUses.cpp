//===--- HandleUses.cpp - What acquires a handle, and what a use does -----===//

#include "model/HandleUses.h"
#include "model/IdentifierWords.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::session {
namespace {

constexpr unsigned MaxSummaryDepth = 4;
/// `SQL_HANDLE_DBC` in <sql.h>: only connection handles are sessions.
constexpr int SqlHandleDbc = 2;

/// Acquire functions that write the handle through an out-parameter, and
/// which argument that is.
std::optional<unsigned> outParamIndex(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<unsigned>>(Name)
      .Cases("sqlite3_open", "sqlite3_open_v2", "sqlite3_open16", 1u)
      .Case("SQLAllocHandle", 2u)
      .Default(std::nullopt);
}

bool matchesFunction(llvm::StringRef Pattern, llvm::StringRef Name) {
  if (!Pattern.starts_with("^"))
    return Pattern == Name;
  return llvm::Regex(Pattern).match(Name);
}

/// Owning smart pointers of the standard library and Qt.
bool isOwnerClass(const CXXRecordDecl *Class) {
  if (!Class || !Class->getIdentifier())
    return false;
  llvm::StringRef Name = Class->getName();
  if (Class->isInStdNamespace())
    return Name == "unique_ptr" || Name == "shared_ptr";
  return Name == "QScopedPointer" || Name == "QSharedPointer";
}

/// A local variable, not a parameter, not a reference: a reference names
/// storage elsewhere (`for (sqlite3 *&Db : Pool)` opens into the container).
const VarDecl *localVariable(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
                 !Var->getType()->isReferenceType()
             ? Var
             : nullptr;
}

/// A handle of a C API: a pointer to an opaque or C-like struct, or an
/// untyped handle (`SQLHDBC` is a `void *`). A C++ class behind the pointer
/// (`sql::Connection`) is a session object.
bool isCHandleType(QualType T) {
  T = T.getNonReferenceType();
  if (!T->isPointerType())
    return false;
  QualType Pointee = T->getPointeeType();
  if (Pointee->isVoidType())
    return true;
  const RecordDecl *Record = Pointee->getAsRecordDecl();
  if (!Record)
    return false;
  const auto *Class = dyn_cast<CXXRecordDecl>(Record);
  return !Class || Class->isCLike();
}

/// The standard library's exceptions are, in practice, allocation failures,
/// which end the process; counting every std call as throwing would drown the
/// real ones (a database library's errors, the user's own).
bool isStandardLibrary(const FunctionDecl *Function) {
  for (const DeclContext *Context = Function->getDeclContext();
       Context && !Context->isTranslationUnit(); Context = Context->getParent())
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context))
      if (Namespace->isStdNamespace())
        return true;
  return false;
}

/// A function of the project with no body in this translation unit: most
/// such functions use the handle they are given (`archiveRows(conn, …)`);
/// one whose name says it takes, keeps or releases it may not give it back.
bool mayKeepByName(const FunctionDecl *Function) {
  static const llvm::StringSet<> Words = {
      "take",    "adopt",  "own",   "give",   "transfer", "release",
      "close",   "free",   "finish", "destroy", "dispose", "register",
      "store",   "keep",   "set",   "attach", "push",     "add",
      "insert",  "put",    "emplace", "hand",  "manage",   "track",
      "cache",   "retain", "assign", "move",   "return",   "reset"};
  const IdentifierInfo *Id = Function->getIdentifier();
  if (!Id)
    return true;
  return llvm::any_of(identifierWords(Id->getName()),
                      [](const std::string &Word) { return Words.contains(Word); });
}

/// A const member function of an exception class (one derived from
/// std::exception, as `sql::SQLException`, `pqxx::sql_error`): an observer of
/// an error already raised (`what()`, `getErrorCode()`, `sqlstate()`). Such
/// classes are built to be read while unwinding; the standard's own observers
/// are `noexcept`, and libraries' are not marked only by omission.
bool observesAnException(const FunctionDecl *Function) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Function);
  if (!Method || !Method->isConst() || isa<CXXConstructorDecl>(Method))
    return false;
  const CXXRecordDecl *Class = Method->getParent()->getDefinition();
  if (!Class)
    return false;
  return !Class->forallBases([](const CXXRecordDecl *Base) {
    return !(Base->getName() == "exception" &&
             Base->getDeclContext()->isStdNamespace());
  });
}

/// Qt reports errors through return values and lastError(), not exceptions.
bool isQt(const FunctionDecl *Function) {
  const SourceManager &SM = Function->getASTContext().getSourceManager();
  llvm::StringRef File =
      SM.getFilename(SM.getExpansionLoc(Function->getLocation()));
  return File.contains("/QtCore/") || File.contains("/QtSql/") ||
         File.contains("/QtGui/") || File.contains("/QtNetwork/");
}

bool isNonLocalTarget(const Expr *Target) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
  if (!Ref)
    return true; // a member, a dereferenced out-parameter, an element
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  return Var && !Var->hasLocalStorage();
}

} // namespace

const ValueDecl *HandleUses::handleTarget(const Expr *E) {
  if (const VarDecl *Var = localVariable(E))
    return Var;
  const auto *Member = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return dyn_cast<FieldDecl>(Member->getMemberDecl());
  return nullptr;
}

bool HandleUses::returnsArgumentOrNull(const FunctionDecl *Callee,
                                       unsigned Index) {
  return Index == 0 && Callee && Callee->getIdentifier() &&
         Callee->getName() == "mysql_real_connect";
}

const Expr *HandleUses::outermostValue(const Expr *E,
                                       const ParentMap &Parents) {
  for (;;) {
    const Stmt *Parent = Parents.getParent(E);
    if (!Parent || !isa<CastExpr, ParenExpr, ExprWithCleanups,
                        CXXBindTemporaryExpr, MaterializeTemporaryExpr>(Parent))
      return E;
    E = cast<Expr>(Parent);
  }
}

bool HandleUses::namedIn(const FunctionDecl *Function,
                         llvm::ArrayRef<FunctionPair> Pairs,
                         bool Acquire) const {
  const std::string &Name = Model.qualifiedName(Function);
  return llvm::any_of(Pairs, [&](const FunctionPair &Pair) {
    return matchesFunction(Acquire ? Pair.Acquire : Pair.Release, Name);
  });
}

std::string HandleUses::suggestionFor(llvm::StringRef Acquirer) const {
  for (const LibraryEntry *Library : Options.Libraries)
    for (const AcquireReleasePair &Pair : Library->AcquireRelease)
      if (Pair.Acquire == Acquirer)
        return Library->SuggestedOwner.str();
  return "an RAII owner";
}

std::optional<Acquisition> HandleUses::callAcquisition(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return std::nullopt;
  const std::string &Name = Model.qualifiedName(Callee);

  bool Catalogued = false;
  for (const LibraryEntry *Library : Options.Libraries)
    for (const AcquireReleasePair &Pair : Library->AcquireRelease)
      Catalogued |= Pair.Acquire == Name;
  // Connector/C++ drivers override sql::Driver::connect.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
    for (const CXXMethodDecl *Overridden : Method->overridden_methods())
      Catalogued |= Model.qualifiedName(Overridden) == "sql::Driver::connect";
  // Qt registers connections by name for the life of the application; a
  // missing removeDatabase is not a per-path leak this analysis can judge.
  // mysql_real_connect returns its first argument (or null): an alias, not a
  // new handle. mysql_init(&storage) initializes the caller's storage.
  if (Name == "QSqlDatabase::addDatabase" || Name == "mysql_real_connect")
    return std::nullopt;
  if (Name == "mysql_init" &&
      (Call->getNumArgs() != 1 ||
       !Call->getArg(0)->isNullPointerConstant(
           Callee->getASTContext(), Expr::NPC_ValueDependentIsNotNull)))
    return std::nullopt;

  if (Catalogued) {
    std::string Acquirer = Name;
    if (std::optional<unsigned> Index = outParamIndex(Name)) {
      if (*Index >= Call->getNumArgs())
        return std::nullopt;
      if (Name == "SQLAllocHandle") {
        Expr::EvalResult Kind;
        const ASTContext &Ctx = Callee->getASTContext();
        if (!Call->getArg(0)->EvaluateAsInt(Kind, Ctx) ||
            Kind.Val.getInt() != SqlHandleDbc)
          return std::nullopt;
      }
      const auto *AddressOf = dyn_cast<UnaryOperator>(
          Call->getArg(*Index)->IgnoreParenImpCasts());
      const ValueDecl *Out =
          AddressOf && AddressOf->getOpcode() == UO_AddrOf
              ? handleTarget(AddressOf->getSubExpr())
              : nullptr;
      if (!Out)
        return std::nullopt;
      // SQLAllocHandle allocates nothing when it fails (SQL_SUCCESS is 0):
      // on the branch where a test of its result says it failed there is no
      // handle; sqlite3_open allocates either way.
      Acquisition Found{Call, Out, Acquirer, suggestionFor(Name)};
      Found.NoHandleOnFailure = Name == "SQLAllocHandle";
      if (Found.NoHandleOnFailure)
        Found.SuccessValue = 0;
      Found.CHandle = isCHandleType(Out->getType());
      return Found;
    }
    std::string Suggestion = suggestionFor(Name);
    if (Suggestion == "an RAII owner" && isa<CXXMethodDecl>(Callee))
      Suggestion = "'std::unique_ptr<sql::Connection>'";
    Acquisition Found{Call, nullptr, Acquirer, Suggestion};
    Found.CHandle = isCHandleType(Call->getType());
    return Found;
  }
  if (namedIn(Callee, Options.AcquireRelease, /*Acquire=*/true)) {
    std::string Release;
    for (const FunctionPair &Pair : Options.AcquireRelease)
      if (matchesFunction(Pair.Acquire, Name))
        Release = Pair.Release;
    Acquisition Found{Call, nullptr, Name,
                      "an RAII owner that calls '" + Release + "'"};
    Found.CHandle = isCHandleType(Call->getType());
    return Found;
  }
  if (isFactory(Callee)) {
    std::optional<Acquisition> Inner = *Factories.find(Callee)->second;
    Acquisition Found{Call, nullptr, Name,
                      Inner ? Inner->SuggestedOwner : "an RAII owner"};
    Found.CHandle = Inner && Inner->CHandle;
    return Found;
  }
  return std::nullopt;
}

std::optional<Acquisition> HandleUses::acquisition(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    if (New->isArray())
      return std::nullopt;
    std::optional<Holding> Held = Model.holding(New->getAllocatedType());
    if (!Held || Held->Kind != HolderKind::Value)
      return std::nullopt;
    std::string Type = New->getAllocatedType().getAsString(
        Held->SessionDecl->getASTContext().getPrintingPolicy());
    return Acquisition{New, nullptr, "new",
                       "'std::unique_ptr<" + Type + ">' or a local '" + Type +
                           "'"};
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return callAcquisition(Call);
  return std::nullopt;
}

bool HandleUses::mayThrow(const FunctionDecl *Function, ThrowPolicy Policy) {
  if (!Function)
    return Policy == ThrowPolicy::Declared; // an indirect call
  if (Function->isExternC() || Function->isInExternCContext() ||
      Function->getBuiltinID() || Function->hasAttr<NoThrowAttr>() ||
      isa<CXXDestructorDecl>(Function) || isStandardLibrary(Function) ||
      isQt(Function) || observesAnException(Function))
    return false;
  if (const auto *Proto = Function->getType()->getAs<FunctionProtoType>())
    if (Proto->isNothrow())
      return false;
  const SourceManager &SM = Function->getASTContext().getSourceManager();
  const FunctionDecl *Definition = nullptr;
  bool HasBody = Function->hasBody(Definition);
  // A library's C++ API (declared in a system header, or the catalogued
  // library's own code): its errors are exceptions.
  if (SM.isInSystemHeader(HasBody ? Definition->getLocation()
                                  : Function->getLocation()) ||
      Model.isLibraryCode(Function))
    return true;
  if (!HasBody)
    return Policy == ThrowPolicy::Declared;
  // A body of our own: it throws if it has a throw or a call that may.
  auto Key = std::make_pair(Definition, static_cast<int>(Policy));
  auto [It, Inserted] = Throws.try_emplace(Key, false);
  if (!Inserted)
    return It->second;
  struct Finder : RecursiveASTVisitor<Finder> {
    HandleUses &Uses;
    ThrowPolicy Policy;
    bool Found = false;
    Finder(HandleUses &Uses, ThrowPolicy Policy) : Uses(Uses), Policy(Policy) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    // What a handler catches does not leave the function (a rethrow does).
    bool TraverseCXXTryStmt(CXXTryStmt *Try) {
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
        if (!Try->getHandler(I)->getExceptionDecl()) {
          // catch (...): only the handlers can throw.
          for (unsigned J = 0; J < Try->getNumHandlers(); ++J)
            TraverseStmt(Try->getHandler(J));
          return !Found;
        }
      return RecursiveASTVisitor::TraverseCXXTryStmt(Try);
    }
    bool VisitCXXThrowExpr(CXXThrowExpr *) { return !(Found = true); }
    bool VisitCallExpr(CallExpr *Call) {
      Found |= Uses.mayThrow(Call->getDirectCallee(), Policy);
      return !Found;
    }
    bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
      Found |= !Construct->getConstructor()->isTrivial() &&
               Uses.mayThrow(Construct->getConstructor(), Policy);
      return !Found;
    }
  } Finder(*this, Policy);
  Finder.TraverseStmt(Definition->getBody());
  Throws[Key] = Finder.Found;
  return Finder.Found;
}

bool HandleUses::isReleaseCall(const CallExpr *Call) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  return Model.lifeCycleStepOf(Callee) ==
             SessionModel::LifeCycleStep::Releases ||
         namedIn(Callee, Options.AcquireRelease, /*Acquire=*/false);
}

bool HandleUses::isFactory(const FunctionDecl *Function) {
  auto [It, Inserted] = Factories.try_emplace(Function, std::nullopt);
  if (!Inserted)
    return It->second.has_value();
  const FunctionDecl *Definition = nullptr;
  if (!Function->getReturnType()->isPointerType() ||
      !Function->hasBody(Definition) ||
      Function->getASTContext().getSourceManager().isInSystemHeader(
          Definition->getLocation()))
    return false;

  // Syntactic summary: some return hands out an acquisition, directly or
  // through a local the function acquired into.
  struct Finder : RecursiveASTVisitor<Finder> {
    HandleUses &Uses;
    llvm::DenseMap<const ValueDecl *, Acquisition> Acquired;
    llvm::SmallVector<const ReturnStmt *, 4> Returns;
    explicit Finder(HandleUses &Uses) : Uses(Uses) {}
    bool shouldVisitLambdaExpr(LambdaExpr *) { return false; }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitReturnStmt(ReturnStmt *Return) {
      Returns.push_back(Return);
      return true;
    }
    bool VisitVarDecl(VarDecl *Var) {
      if (Var->getInit())
        if (auto A = Uses.acquisition(Var->getInit()))
          Acquired.try_emplace(Var, *A);
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *Assign) {
      if (Assign->getOpcode() == BO_Assign)
        if (const VarDecl *Var = localVariable(Assign->getLHS()))
          if (auto A = Uses.acquisition(Assign->getRHS()))
            Acquired.try_emplace(Var, *A);
      return true;
    }
    bool VisitCallExpr(CallExpr *Call) {
      if (auto A = Uses.acquisition(Call); A && A->OutParam)
        Acquired.try_emplace(A->OutParam, *A);
      return true;
    }
  } Finder(*this);
  Finder.TraverseStmt(Definition->getBody());
  for (const ReturnStmt *Return : Finder.Returns) {
    const Expr *Value = Return->getRetValue();
    if (!Value)
      continue;
    std::optional<Acquisition> Found;
    if (const VarDecl *Var = localVariable(Value)) {
      auto Acquired = Finder.Acquired.find(Var);
      if (Acquired != Finder.Acquired.end())
        Found = Acquired->second;
    } else {
      Found = acquisition(Value);
    }
    if (Found) {
      Factories[Function] = Found;
      return true;
    }
  }
  return false;
}

UseKind HandleUses::parameterUse(const FunctionDecl *Callee, unsigned Index) {
  auto Key = std::make_pair(Callee, Index);
  auto Cached = Params.find(Key);
  if (Cached != Params.end())
    return Cached->second;
  const FunctionDecl *Definition = nullptr;
  if (Index >= Callee->getNumParams() || SummaryDepth >= MaxSummaryDepth)
    return UseKind::Unknown;
  if (!Callee->hasBody(Definition))
    return mayKeepByName(Callee) ? UseKind::Unknown : UseKind::Borrow;
  Params[Key] = UseKind::Unknown; // recursion
  ++SummaryDepth;
  const ParmVarDecl *Param = Definition->getParamDecl(Index);
  UseKind Result = UseKind::Borrow;
  auto Combine = [&](UseKind Kind) {
    if (Kind == UseKind::Unknown || Result == UseKind::Unknown)
      Result = UseKind::Unknown;
    else if (Kind == UseKind::Release || Kind == UseKind::HandOn)
      Result = UseKind::HandOn;
    else if (Kind == UseKind::Acquire || Kind == UseKind::Reassign)
      Result = UseKind::Unknown;
  };
  // A constructor that keeps the handle in a member takes ownership.
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Constructor->inits()) {
      struct Finder : RecursiveASTVisitor<Finder> {
        const ParmVarDecl *Param;
        bool Found = false;
        bool VisitDeclRefExpr(DeclRefExpr *Ref) {
          Found |= Ref->getDecl() == Param;
          return true;
        }
      } Finder{{}, Param};
      Finder.TraverseStmt(Init->getInit());
      if (Finder.Found)
        Combine(Init->isMemberInitializer() ? UseKind::HandOn
                                            : UseKind::Unknown);
    }
  ParentMap Parents(Definition->getBody());
  struct Collector : RecursiveASTVisitor<Collector> {
    const ParmVarDecl *Param;
    llvm::SmallVector<const DeclRefExpr *, 8> Refs;
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      if (Ref->getDecl() == Param)
        Refs.push_back(Ref);
      return true;
    }
  } Collector{{}, Param, {}};
  Collector.TraverseStmt(Definition->getBody());
  // `return h;` gives the handle back to the caller, which holds it still
  // (`MYSQL *query(MYSQL *c, …) { …; return c; }`): the call is transparent.
  bool Returned = false;
  for (const DeclRefExpr *Ref : Collector.Refs) {
    Use U = classifyUse(Ref, Param, Parents);
    if (U.Kind == UseKind::HandOn && isa_and_nonnull<ReturnStmt>(U.Anchor) &&
        cast<ReturnStmt>(U.Anchor)->getRetValue() &&
        outermostValue(cast<ReturnStmt>(U.Anchor)->getRetValue(), Parents) ==
            outermostValue(Ref, Parents))
      Returned = true;
    else
      Combine(U.Kind);
  }
  --SummaryDepth;
  if (Returned && Result == UseKind::Borrow)
    GivenBack.insert(Key);
  else if (Returned)
    Result = UseKind::HandOn;
  Params[Key] = Result;
  return Result;
}

UseKind HandleUses::argumentUse(const CallExpr *Call, unsigned Index,
                                bool &GivesBack) {
  GivesBack = false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return UseKind::Unknown;
  // The session library's own API borrows the handle (PQexec, sqlite3_exec),
  // and so does a C function of a system header (SQLConnect in <sql.h>); a
  // C++ system function may keep it (std::vector::push_back).
  bool InSystemHeader = Callee->getASTContext().getSourceManager().isInSystemHeader(
      Callee->getLocation());
  if (Model.isLibraryCode(Callee) || (InSystemHeader && Callee->isExternC()))
    return UseKind::Borrow;
  if (InSystemHeader)
    return UseKind::Unknown;
  // Member operator calls count the object as argument 0.
  if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee)) {
    if (Index == 0)
      return UseKind::Borrow;
    --Index;
  }
  UseKind Kind = parameterUse(Callee, Index);
  GivesBack = GivenBack.contains({Callee, Index});
  return Kind;
}

Use HandleUses::classifyUse(const Expr *Ref, const ValueDecl *Handle,
                            const ParentMap &Parents) {
  if (const auto *Name = dyn_cast<DeclRefExpr>(Ref);
      Name && Name->refersToEnclosingVariableOrCapture())
    return {UseKind::Unknown, Ref};
  const Expr *Value = outermostValue(Ref, Parents);
  const Stmt *Parent = Parents.getParent(Value);
  if (!Parent)
    return {UseKind::Unknown, Ref};

  if (const auto *Unary = dyn_cast<UnaryOperator>(Parent)) {
    // `*h` lends the object (`pqxx::work tx(*conn)`); the pointer stays here.
    if (Unary->getOpcode() == UO_LNot || Unary->getOpcode() == UO_Deref)
      return {UseKind::Borrow, Unary};
    if (Unary->getOpcode() == UO_AddrOf) {
      const Expr *Address = outermostValue(Unary, Parents);
      if (const auto *Call =
              dyn_cast_or_null<CallExpr>(Parents.getParent(Address)))
        if (auto A = callAcquisition(Call); A && A->OutParam == Handle)
          return {UseKind::Acquire, Call};
    }
    return {UseKind::Unknown, Unary};
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(Parent)) {
    if (Binary->isComparisonOp() || Binary->isLogicalOp())
      return {UseKind::Borrow, Binary};
    if (Binary->getOpcode() != BO_Assign)
      return {UseKind::Unknown, Binary};
    if (Binary->getLHS()->IgnoreParenImpCasts() == Ref)
      return {acquisition(Binary->getRHS()) ? UseKind::Acquire
                                            : UseKind::Reassign,
              Binary};
    return {isNonLocalTarget(Binary->getLHS()) ? UseKind::HandOn
                                               : UseKind::Unknown,
            Binary};
  }
  if (isa<ReturnStmt>(Parent))
    return {UseKind::HandOn, Parent};
  if (const auto *Delete = dyn_cast<CXXDeleteExpr>(Parent))
    return {UseKind::Release, Delete};
  if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
    const auto *Call =
        dyn_cast_or_null<CXXMemberCallExpr>(Parents.getParent(Member));
    if (Call && Call->getCallee() == Member) {
      const std::string &Method = Model.qualifiedName(Call->getMethodDecl());
      if (Method == "sql::Connection::close")
        return {UseKind::Release, Call};
    }
    return {UseKind::Borrow, Member};
  }
  if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
    if (Call->getCallee()->IgnoreParenImpCasts() == Value)
      return {UseKind::Unknown, Call};
    if (isReleaseCall(Call))
      return {UseKind::Release, Call};
    if (const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Call))
      if (isOwnerClass(MemberCall->getRecordDecl()) &&
          MemberCall->getMethodDecl()->getName() == "reset")
        return {UseKind::HandOn, Call};
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (Call->getArg(I) == Value) {
        bool GivesBack = false;
        UseKind Kind = argumentUse(Call, I, GivesBack);
        // What happens to the call's value happens to the handle.
        if (GivesBack)
          return classifyUse(Call, Handle, Parents);
        return {Kind, Call};
      }
    return {UseKind::Unknown, Call};
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Parent)) {
    const CXXRecordDecl *Class = Construct->getConstructor()->getParent();
    ClassRole Role = Model.roleOf(Class).Role;
    if (isOwnerClass(Class) || Role == ClassRole::Wrapper ||
        Role == ClassRole::Guard)
      return {UseKind::HandOn, Construct};
    for (unsigned I = 0; I < Construct->getNumArgs(); ++I)
      if (Construct->getArg(I) == Value)
        return {parameterUse(Construct->getConstructor(), I), Construct};
    return {UseKind::Unknown, Construct};
  }
  // A condition or a discarded value: `if (h)`, `while (h)`, `(void)h;`.
  if (const auto *If = dyn_cast<IfStmt>(Parent); If && If->getCond() == Value)
    return {UseKind::Borrow, If};
  if (const auto *While = dyn_cast<WhileStmt>(Parent);
      While && While->getCond() == Value)
    return {UseKind::Borrow, While};
  if (isa<CompoundStmt>(Parent))
    return {UseKind::Borrow, Parent};
  if (const auto *Decl = dyn_cast<DeclStmt>(Parent)) {
    // Initializing another variable: a static keeps it, a local aliases it.
    for (const clang::Decl *D : Decl->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->getInit() && outermostValue(Var->getInit(), Parents) ==
                                  outermostValue(Value, Parents))
          return {Var->hasLocalStorage() ? UseKind::Unknown : UseKind::HandOn,
                  Decl};
    return {UseKind::Unknown, Decl};
  }
  return {UseKind::Unknown, Parent};
}

} // namespace clang::tidy::session
