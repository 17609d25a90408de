//===--- ClassRoles.cpp - Pools, wrappers, scopes and singletons ----------===//

#include "model/SessionModel.h"
#include "model/DamagedClasses.h"
#include "model/IdentifierWords.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::session {
namespace {

constexpr llvm::StringLiteral ScopeAnnotation = "session-lint::scope";

bool isAnnotatedScope(const CXXRecordDecl *Class) {
  for (const auto *Annotation : Class->specific_attrs<AnnotateAttr>())
    if (Annotation->getAnnotation() == ScopeAnnotation)
      return true;
  return false;
}

/// Words a member function of a thin session class may be made of: the
/// session's life cycle, generic SQL execution, transactions, and accessors.
/// A name with any other word ("findUser", "saveOrder") is a domain
/// operation, and a class offering one is a service, not a wrapper.
bool isSessionWord(llvm::StringRef Word) {
  static const llvm::StringSet<> Words = {
      // life cycle
      "open", "close", "closed", "opened", "connect", "connected",
      "disconnect", "reconnect", "reset", "ping", "alive", "valid", "ok",
      "good", "healthy", "broken", "is", "has", "can", "ensure",
      "init", "initialize", "create", "make", "new", "instance",
      "acquire", "release", "lease", "borrow", "take", "give", "put", "back",
      "return", "detach", "attach", "swap", "move",
      // execution
      "exec", "execute", "run", "query", "prepare", "prepared", "unprepare",
      "statement", "stmt", "sql", "params", "param", "bind", "batch", "raw",
      "result", "results", "row", "rows", "one", "all", "scalar", "value",
      "affected", "insert", "last", "id", "escape", "quote", "quoted",
      "listen", "notify", "notification", "notifications", "cancel",
      "command", "commands", "cmd", "send", "reply", "pipeline", "append",
      "flush", "call", "fetch", "select", "publish", "subscribe",
      // transactions
      "begin", "commit", "rollback", "abort", "end", "transaction", "tx",
      "txn", "savepoint", "auto", "autocommit",
      // a key-value store's generic commands (hiredis wrappers)
      "push", "pop", "lpush", "rpush", "lpop", "rpop", "setnx", "setex",
      "hget", "hset", "hdel", "hgetall", "incr", "decr", "expire", "del",
      "exists", "keys", "sadd", "srem", "zadd", "zrange", "lrange", "llen",
      "ttl", "mget", "mset",
      // accessors
      "get", "set", "native", "handle", "conn", "connection", "session", "db",
      "database", "underlying", "ptr", "pointer", "error", "errors", "status",
      "state", "info", "options", "backend", "pid", "socket", "fd", "server",
      "version", "host", "port", "name", "dbname", "encoding", "timeout",
      "mode", "to", "from", "with", "in", "of", "by", "and", "or", "for",
      "on", "at", "if", "the", "a", "as", "no"};
  return Words.contains(Word);
}

bool hasSessionVocabulary(const FunctionDecl *Function) {
  if (isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(Function))
    return true;
  const IdentifierInfo *Id = Function->getIdentifier();
  if (!Id) // operators
    return true;
  return llvm::all_of(identifierWords(Id->getName()), isSessionWord);
}

/// The member functions a class declares, templates included, but not the
/// compiler's nor the defaulted or deleted ones: they do nothing of their own.
llvm::SmallVector<const CXXMethodDecl *, 8>
memberFunctions(const CXXRecordDecl *Class) {
  llvm::SmallVector<const CXXMethodDecl *, 8> Methods;
  for (const Decl *Member : Class->decls()) {
    if (Member->isImplicit())
      continue;
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Member))
      Member = Template->getTemplatedDecl();
    const auto *Method = dyn_cast<CXXMethodDecl>(Member);
    if (Method && !Method->isDeleted() && !Method->isExplicitlyDefaulted())
      Methods.push_back(Method);
  }
  return Methods;
}

/// Finds a use of \p Field in a function body, following calls to member
/// functions of the same class (a destructor that calls `close()`).
class FieldUseFinder : public RecursiveASTVisitor<FieldUseFinder> {
public:
  FieldUseFinder(const FieldDecl *Field, unsigned Depth)
      : Field(Field), Depth(Depth) {}
  bool VisitMemberExpr(MemberExpr *Member) {
    Found |= Member->getMemberDecl() == Field;
    return !Found;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const FunctionDecl *Body = nullptr;
    if (Depth && Method && Method->getParent() == Field->getParent() &&
        Method->hasBody(Body)) {
      FieldUseFinder Inner(Field, Depth - 1);
      Inner.TraverseStmt(Body->getBody());
      Found |= Inner.Found;
    }
    return !Found;
  }
  bool Found = false;

private:
  const FieldDecl *Field;
  unsigned Depth;
};

/// True if \p Class's destructor releases \p Field: its body uses the
/// member (directly or through the class's own functions), or the class
/// declares a destructor of its own whose body is in another file — a
/// destructor written by hand for a class holding a raw handle is there to
/// release it.
bool releasesInDestructor(const CXXRecordDecl *Class, const FieldDecl *Field) {
  const CXXDestructorDecl *Destructor = Class->getDestructor();
  if (!Destructor || !Destructor->isUserProvided())
    return false;
  const FunctionDecl *Definition = nullptr;
  if (!Destructor->hasBody(Definition))
    return !Destructor->isDefaulted() && !Destructor->isDeleted();
  FieldUseFinder Finder(Field, /*Depth=*/2);
  Finder.TraverseStmt(Definition->getBody());
  return Finder.Found;
}

/// True if a member function other than the destructor releases \p Field
/// with the library's release function or `delete` (`disconnect() {
/// redisFree(ctx_); }`): the class runs the handle's life cycle by hand, as
/// a wrapper without a destructor of its own does.
bool releasedByMemberFunction(SessionModel &Model, const CXXRecordDecl *Class,
                              const FieldDecl *Field) {
  struct Finder : RecursiveASTVisitor<Finder> {
    SessionModel &Model;
    const FieldDecl *Field;
    bool Found = false;
    Finder(SessionModel &Model, const FieldDecl *Field)
        : Model(Model), Field(Field) {}
    bool namesField(const Expr *E) const {
      const auto *Member = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
      return Member && Member->getMemberDecl() == Field;
    }
    bool VisitCXXDeleteExpr(CXXDeleteExpr *Delete) {
      Found |= namesField(Delete->getArgument());
      return !Found;
    }
    bool VisitCallExpr(CallExpr *Call) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      Found |= Callee && Call->getNumArgs() && namesField(Call->getArg(0)) &&
               Model.lifeCycleStepOf(Callee) ==
                   SessionModel::LifeCycleStep::Releases;
      return !Found;
    }
  };
  for (const CXXMethodDecl *Method : Class->methods()) {
    const FunctionDecl *Body = nullptr;
    if (isa<CXXDestructorDecl>(Method) || !Method->hasBody(Body))
      continue;
    Finder Scan(Model, Field);
    Scan.TraverseStmt(Body->getBody());
    if (Scan.Found)
      return true;
  }
  return false;
}

} // namespace

ClassInfo SessionModel::roleOf(const CXXRecordDecl *Class) {
  const Decl *Key = Class->getCanonicalDecl();
  auto It = Roles.find(Key);
  if (It != Roles.end())
    return It->second;
  // Classes that hold each other (through pointers) must not loop: inside a
  // cycle a class in progress counts as plain, and what was computed with
  // that provisional answer is not kept, so that the result for a class
  // does not depend on which class of the cycle was asked about first.
  if (!InProgress.insert(Key).second) {
    CycleSeen = true;
    return {};
  }
  ClassInfo Info = computeRole(Class);
  InProgress.erase(Key);
  if (!CycleSeen || InProgress.empty()) {
    Roles[Key] = Info;
    recordJudgement(Class, Info);
  }
  if (InProgress.empty())
    CycleSeen = false;
  return Info;
}

ClassInfo SessionModel::computeRole(const CXXRecordDecl *Class) {
  const std::string &Name = qualifiedName(Class);
  if (Options.SessionTypes.matches(Name))
    return {ClassRole::Session};
  if (Options.PoolTypes.matches(Name))
    return {ClassRole::Pool};
  if (Options.TransactionGuardTypes.matches(Name))
    return {ClassRole::TransactionGuard};
  const CXXRecordDecl *Definition = Class->getDefinition();
  if (Options.GuardTypes.matches(Name))
    return {ClassRole::Guard, Definition ? firstSessionMember(Definition)
                                         : nullptr};
  if (Options.ScopeClasses.matches(Name) || isAnnotatedScope(Class))
    return {ClassRole::Scope};
  if (!Definition)
    return {};
  // A class deriving from a catalogued or configured type, or from a wrapper,
  // is one (libpqxx's connection is a template deriving from connection_base;
  // fixtures derive from testing::Test; a service deriving from a connection
  // wrapper is a session wherever it is stored). Library internals are not
  // inherited: a user's subclass of a library class is judged by its members.
  for (const CXXBaseSpecifier &Base : Definition->bases())
    if (const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl()) {
      ClassInfo BaseInfo = roleOf(BaseClass);
      if (BaseInfo.Role != ClassRole::Plain &&
          BaseInfo.Role != ClassRole::Library)
        return BaseInfo;
    }
  // Library internals are described by the catalog, not guessed at; other
  // installed code (Qt's core, Boost) is nobody's service.
  const SourceManager &SM = Definition->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(Definition->getLocation()))
    return {};
  if (isLibraryCode(Definition))
    return {ClassRole::Library};
  if (isThirdParty(Definition))
    return {};
  // A class an error took a base from may be anything the base made it.
  if (lostABase(Definition))
    return {};
  return roleByShape(Definition);
}

bool SessionModel::isLibraryCode(const Decl *D) {
  return libraryOf(D) != nullptr;
}

const LibraryEntry *SessionModel::libraryOf(const Decl *D) {
  llvm::StringRef Name;
  if (const auto *Named = dyn_cast<NamedDecl>(D))
    Name = qualifiedName(Named);
  // "ns::" without building the string for each library: this runs for
  // every callee the transaction and ownership checks look at.
  for (const LibraryEntry *Library : Options.Libraries)
    for (llvm::StringRef Namespace : Library->HomeNamespaces)
      if (Name.starts_with(Namespace) &&
          Name.drop_front(Namespace.size()).starts_with("::"))
        return Library;
  return Origin.libraryAt(D->getLocation(), D->getASTContext());
}

SessionModel::LifeCycleStep
SessionModel::lifeCycleStepOf(const FunctionDecl *Callee) {
  const LibraryEntry *Library = libraryOf(Callee);
  if (!Library)
    return LifeCycleStep::None;
  const std::string &Name = qualifiedName(Callee);
  for (const AcquireReleasePair &Pair : Library->AcquireRelease) {
    if (Pair.Release == Name)
      return LifeCycleStep::Releases;
    if (Pair.Acquire == Name)
      return LifeCycleStep::Acquires;
  }
  return LifeCycleStep::None;
}

bool SessionModel::isThirdParty(const Decl *D) {
  return Origin.isThirdParty(D->getLocation(), D->getASTContext()) ||
         isLibraryCode(D);
}

bool SessionModel::isPartOfPool(const CXXRecordDecl *Class) {
  for (const DeclContext *Context = Class->getParent(); Context;
       Context = Context->getParent())
    if (const auto *Enclosing = dyn_cast<CXXRecordDecl>(Context))
      if (roleOf(Enclosing).Role == ClassRole::Pool)
        return true;
  return false;
}

const FieldDecl *
SessionModel::firstSessionMember(const CXXRecordDecl *Definition) {
  for (const FieldDecl *Field : Definition->fields())
    if (holding(Field->getType()))
      return Field;
  return nullptr;
}

ClassInfo SessionModel::roleByShape(const CXXRecordDecl *Definition) {
  if (Definition->isLambda())
    return {};
  llvm::SmallVector<std::pair<const FieldDecl *, Holding>, 2> Held;
  for (const FieldDecl *Field : Definition->fields())
    if (std::optional<Holding> H = holding(Field->getType()))
      Held.push_back({Field, *H});
  llvm::SmallVector<const FieldDecl *, 2> Containers;
  for (const auto &[Field, H] : Held)
    if (H.Kind == HolderKind::Container)
      Containers.push_back(Field);
  bool HoldsMany = !Containers.empty();
  Evidence Pool = poolEvidence(Definition, Containers, !Held.empty());
  if (Pool.Kind != RoleEvidence::None)
    return {ClassRole::Pool, nullptr, Pool};
  if (Held.empty() || HoldsMany)
    return {};

  // What this unit can see of the class decides here; a batch compares it
  // with what other units saw (BatchFacts.h).
  unsigned BodiesSeen = 0, BodiesMissing = 0;
  auto Count = [&](const CXXMethodDecl *Method) {
    if (Method->isPureVirtual())
      return;
    const FunctionDecl *Body = nullptr;
    ++(Method->hasBody(Body) ? BodiesSeen : BodiesMissing);
  };
  for (const CXXMethodDecl *Method : memberFunctions(Definition))
    Count(Method);
  for (const CXXMethodDecl *Stray : Strays.of(Definition))
    Count(Stray);
  auto Judged = [&](ClassInfo Info, bool Decisive) {
    Info.ByShape = true;
    Info.BodiesSeen = BodiesSeen;
    Info.Final = Decisive || BodiesMissing == 0;
    return Info;
  };

  // Usually one session; a connection class that keeps a second handle to
  // the same server (a spare, a listener) is still one wrapper when it owns
  // every one of them.
  const bool Lease = givesBackToPool(Definition);
  auto Owns = [&](const FieldDecl *Field, const Holding &H) {
    return H.Kind == HolderKind::Value || H.Kind == HolderKind::Owner ||
           (H.Kind == HolderKind::RawPointer &&
            (releasesInDestructor(Definition, Field) ||
             Lease ||
             releasedByMemberFunction(*this, Definition, Field)));
  };
  // A session borrowed for one scope by a transaction guard of the
  // project's own, decided by its constructor and destructor bodies (the
  // destructor uses the handle: that is not a release here).
  for (const auto &[Field, H] : Held)
    if (H.Kind == HolderKind::Reference || H.Kind == HolderKind::RawPointer)
      if (Evidence Scope = transactionScopeEvidence(Definition, Field);
          Scope.Kind != RoleEvidence::None)
        return Judged({ClassRole::TransactionGuard, Field, Scope}, true);
  if (!llvm::all_of(Held, [&](const auto &FieldAndHolding) {
        return Owns(FieldAndHolding.first, FieldAndHolding.second);
      }))
    return Judged({}, false);
  const FieldDecl *Field = Held.front().first;

  // What the member functions do decides (ClassBehaviour.cpp): SQL on its
  // own tables or the application's data make a service, SQL text from the
  // caller, the session's life cycle or the library's types a wrapper. Only
  // where no function shows anything do their names break the tie.
  // A definition an error kept from its declaration still shows its SQL.
  for (const CXXMethodDecl *Stray : Strays.of(Definition))
    if (Evidence E = methodEvidence(Stray, Definition);
        E.Kind == RoleEvidence::DomainSql)
      return Judged({ClassRole::Plain, nullptr, E}, true);
  Evidence Wrapper;
  // Names break a tie only where there are names: a struct of public data
  // and no functions (a pimpl's Impl, a bag of state) says nothing of being
  // a session.
  bool AllNamesAboutSession = true, AnyNamed = false;
  bool Usable = llvm::any_of(Held, [](const auto &FieldAndHolding) {
    return FieldAndHolding.first->getAccess() == AS_public;
  });
  for (const CXXMethodDecl *Method : memberFunctions(Definition)) {
    Evidence E = methodEvidence(Method, Definition);
    if (E.Kind == RoleEvidence::DomainSql)
      return Judged({ClassRole::Plain, nullptr, E}, true);
    if (Method->getAccess() != AS_public ||
        isa<CXXConstructorDecl, CXXDestructorDecl>(Method))
      continue;
    Usable = true;
    if (E.Kind == RoleEvidence::DomainType)
      return Judged({ClassRole::Plain, nullptr, E}, true);
    if (E.Kind != RoleEvidence::None) {
      if (Wrapper.Kind == RoleEvidence::None)
        Wrapper = E;
      continue;
    }
    AnyNamed = true;
    AllNamesAboutSession &=
        Method->isInvalidDecl() || hasSessionVocabulary(Method);
  }
  // A lease borrows a session for one scope and its destructor gives it
  // back to the pool, even when all it offers is that constructor (an
  // out-parameter) and that destructor.
  if (Wrapper.Kind == RoleEvidence::None && Lease) {
    Wrapper.Kind = RoleEvidence::GivesBack;
    Wrapper.Where = Definition->getDestructor();
    Wrapper.Loc = Wrapper.Where->getLocation();
    return Judged({ClassRole::Wrapper, Field, Wrapper}, false);
  }
  // A class with nothing but a constructor and a destructor is a service in
  // the making, or the base of services: a wrapper gives access to its
  // session.
  if (!Usable)
    return Judged({}, true);
  if (Wrapper.Kind == RoleEvidence::None) {
    if (!AllNamesAboutSession || !AnyNamed)
      return Judged({}, false);
    Wrapper.Kind = RoleEvidence::SessionNames;
    Wrapper.Where = Definition;
    Wrapper.Loc = Definition->getLocation();
  }
  return Judged({ClassRole::Wrapper, Field, Wrapper}, false);
}

bool SessionModel::isDomainType(QualType T, const CXXRecordDecl *Wrapper) {
  for (unsigned Depth = 0; Depth < 8 && !T.isNull(); ++Depth) {
    T = T.getNonReferenceType().getCanonicalType();
    if (T->isPointerType() || T->isArrayType()) {
      T = T->isPointerType() ? T->getPointeeType()
                             : QualType(T->getPointeeOrArrayElementType(), 0);
      continue;
    }
    const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
    if (!Class)
      return false;
    // Standard containers and smart pointers: look at what they hold.
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class);
        Spec && Spec->isInStdNamespace()) {
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type &&
            isDomainType(Arg.getAsType(), Wrapper))
          return true;
      return false;
    }
    if (isThirdParty(Class) || Class->isLambda())
      return false;
    // The wrapper's own nested types (a result, an options struct) are part
    // of its interface; so are session and transaction types.
    for (const DeclContext *Context = Class; Context;
         Context = Context->getParent())
      if (Context == Wrapper)
        return false;
    ClassRole Role = roleOf(Class).Role;
    if (Role != ClassRole::Plain)
      return false;
    // A user type built on the library's types (a result or row wrapper),
    // also through a pointer or smart pointer
    // (`std::unique_ptr<PGresult, deleter>`).
    for (const FieldDecl *Field : Class->fields()) {
      if (isLibraryType(Field->getType()))
        return false;
      if (const CXXRecordDecl *FieldClass =
              Field->getType()->getAsCXXRecordDecl();
          FieldClass && roleOf(FieldClass).Role != ClassRole::Plain)
        return false;
    }
    return true;
  }
  return false;
}

bool SessionModel::takesOrReturnsDomainType(const CXXMethodDecl *Method,
                                            const CXXRecordDecl *Wrapper) {
  if (isa<CXXConstructorDecl, CXXDestructorDecl>(Method))
    return false;
  if (isDomainType(Method->getReturnType(), Wrapper))
    return true;
  return llvm::any_of(Method->parameters(), [&](const ParmVarDecl *Param) {
    return isDomainType(Param->getType(), Wrapper);
  });
}

} // namespace clang::tidy::session
