//===--- ClassRoles.cpp - Pools, wrappers, scopes and singletons ----------===//

#include "model/SessionModel.h"
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

/// The public member functions of a class, templates included.
llvm::SmallVector<const CXXMethodDecl *, 8>
publicMethods(const CXXRecordDecl *Class) {
  llvm::SmallVector<const CXXMethodDecl *, 8> Methods;
  for (const Decl *Member : Class->decls()) {
    if (Member->getAccess() != AS_public || Member->isImplicit())
      continue;
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Member))
      Member = Template->getTemplatedDecl();
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Member))
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

bool destructorUses(const CXXRecordDecl *Class, const FieldDecl *Field) {
  const CXXDestructorDecl *Destructor = Class->getDestructor();
  if (!Destructor || !Destructor->isUserProvided())
    return false;
  const FunctionDecl *Definition = nullptr;
  if (!Destructor->hasBody(Definition))
    return false;
  FieldUseFinder Finder(Field, /*Depth=*/2);
  Finder.TraverseStmt(Definition->getBody());
  return Finder.Found;
}

/// True if \p Name has "pool" as a word: ConnectionPool, db_pool, PgPool —
/// not Spooler or CarpoolService.
bool namedLikePool(llvm::StringRef Name) {
  return llvm::is_contained(identifierWords(Name), "pool");
}

/// The class a value of type \p T is an instance of, through pointers,
/// references and owning smart pointers (how singletons keep themselves).
const CXXRecordDecl *instanceClass(QualType T) {
  for (unsigned Depth = 0; Depth < 8 && !T.isNull(); ++Depth) {
    T = T.getCanonicalType();
    if (T->isPointerType() || T->isReferenceType()) {
      T = T->getPointeeType();
      continue;
    }
    const auto *Class = T->getAsCXXRecordDecl();
    if (!Class)
      return nullptr;
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class);
    if (Spec && Spec->isInStdNamespace() && Spec->getTemplateArgs().size() &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        llvm::is_contained({"unique_ptr", "shared_ptr", "optional"},
                           Spec->getName())) {
      T = Spec->getTemplateArgs()[0].getAsType();
      continue;
    }
    return Class->getCanonicalDecl();
  }
  return nullptr;
}

/// Finds a static local whose type is an instance of \p Class.
class StaticInstanceFinder : public RecursiveASTVisitor<StaticInstanceFinder> {
public:
  explicit StaticInstanceFinder(const CXXRecordDecl *Class) : Class(Class) {}
  bool VisitVarDecl(VarDecl *Var) {
    if (Var->isStaticLocal() && instanceClass(Var->getType()) == Class)
      Found = Var;
    return !Found;
  }
  const VarDecl *Found = nullptr;

private:
  const CXXRecordDecl *Class;
};

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
  if (!CycleSeen || InProgress.empty())
    Roles[Key] = Info;
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
  // Library internals are described by the catalog, not guessed at.
  const SourceManager &SM = Definition->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(Definition->getLocation()))
    return {};
  if (isLibraryCode(Definition))
    return {ClassRole::Library};
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

  const SourceManager &SM = D->getASTContext().getSourceManager();
  FileID File = SM.getFileID(SM.getExpansionLoc(D->getLocation()));
  auto [It, Inserted] = LibraryFiles.try_emplace(File, nullptr);
  if (!Inserted)
    return It->second;
  llvm::StringRef Path;
  if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File))
    Path = Entry->getName();
  llvm::StringRef FileName = llvm::sys::path::filename(Path);
  for (const LibraryEntry *Library : Options.Libraries)
    for (llvm::StringRef Home : Library->HomeHeaders)
      if (Home.starts_with("/") ? Path.contains(Home) : FileName == Home)
        return It->second = Library;
  return nullptr;
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
  // Named like a pool and holding no session of its own: it keeps them
  // behind slots of its own (nested classes, see isPartOfPool).
  bool NamedLikePool = Definition->getIdentifier() &&
                       namedLikePool(Definition->getName());
  if (Held.empty())
    return {NamedLikePool ? ClassRole::Pool : ClassRole::Plain};

  llvm::SmallVector<const CXXMethodDecl *, 8> Methods =
      publicMethods(Definition);
  bool HoldsMany = llvm::any_of(Held, [](const auto &FieldAndHolding) {
    return FieldAndHolding.second.Kind == HolderKind::Container;
  });
  bool HandsOut = llvm::any_of(Methods, [&](const CXXMethodDecl *Method) {
    return !Method->isStatic() && holding(Method->getReturnType());
  });
  if ((HoldsMany || NamedLikePool) && HandsOut)
    return {ClassRole::Pool};
  if (NamedLikePool && HoldsMany)
    return {ClassRole::Pool};

  if (Held.size() != 1 || HoldsMany)
    return {};
  const auto &[Field, H] = Held.front();
  bool Owns = H.Kind == HolderKind::Value || H.Kind == HolderKind::Owner ||
              (H.Kind == HolderKind::RawPointer &&
               destructorUses(Definition, Field));
  // Handing out a session or a transaction (`pqxx::work getWorker()`) is a
  // session operation whatever the name says; a member function that did not
  // parse tells nothing either way.
  auto IsSessionOperation = [&](const CXXMethodDecl *Method) {
    if (Method->isInvalidDecl())
      return true;
    // `User get(int)`, `insert(const Order &)`: a repository, not a wrapper.
    if (takesOrReturnsDomainType(Method, Definition))
      return false;
    if (hasSessionVocabulary(Method) || holding(Method->getReturnType()))
      return true;
    const CXXRecordDecl *Returned = instanceClass(Method->getReturnType());
    return Returned && roleOf(Returned).Role == ClassRole::TransactionGuard;
  };
  if (!Owns || !llvm::all_of(Methods, IsSessionOperation))
    return {};
  // A class with nothing but a constructor is a service in the making,
  // not a wrapper: a wrapper releases its session or gives access to it.
  bool Usable = Field->getAccess() == AS_public ||
                llvm::any_of(Methods, [](const CXXMethodDecl *Method) {
                  return !isa<CXXConstructorDecl>(Method);
                });
  if (!Usable && !destructorUses(Definition, Field))
    return {};
  return {ClassRole::Wrapper, Field};
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
    const SourceManager &SM = Class->getASTContext().getSourceManager();
    if (SM.isInSystemHeader(Class->getLocation()) || isLibraryCode(Class) ||
        Class->isLambda())
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
    // A user type built on the library's types (a result or row wrapper).
    for (const FieldDecl *Field : Class->fields())
      if (const CXXRecordDecl *FieldClass =
              Field->getType()->getAsCXXRecordDecl())
        if (isLibraryCode(FieldClass) ||
            roleOf(FieldClass).Role != ClassRole::Plain)
          return false;
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

const NamedDecl *SessionModel::singletonEvidence(const CXXRecordDecl *Class) {
  const CXXRecordDecl *Definition = Class->getDefinition();
  if (!Definition)
    return nullptr;
  const CXXRecordDecl *Self = Definition->getCanonicalDecl();
  for (const Decl *Member : Definition->decls()) {
    if (const auto *Var = dyn_cast<VarDecl>(Member)) {
      if (Var->isStaticDataMember() && instanceClass(Var->getType()) == Self)
        return Var;
      continue;
    }
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Member))
      Member = Template->getTemplatedDecl();
    const auto *Method = dyn_cast<CXXMethodDecl>(Member);
    const FunctionDecl *Body = nullptr;
    if (!Method || !Method->isStatic() || !Method->hasBody(Body))
      continue;
    StaticInstanceFinder Finder(Self);
    Finder.TraverseStmt(Body->getBody());
    if (Finder.Found)
      return Finder.Found;
  }
  return nullptr;
}

} // namespace clang::tidy::session
