//===--- ClassBehaviour.cpp - What a member function shows about its class ===//
//
// A class holding one session is a wrapper or a service by what its member
// functions do (SPEC §2, docs/architecture.md), judged one function at a
// time, strongest evidence first:
//
// 1. SQL on a table of its own, in the body or in the member functions it
//    calls (DomainSql): the class is a service, whatever else it does;
// 2. with a body: SQL text (or other text) from a parameter handed to the
//    library (CallerSql), or the session opened or closed (LifeCycle);
// 3. the application's data taken or returned (DomainType), by a function
//    whose body (where visible) uses the session or the library;
// 4. the library's results, rows, handle or a transaction taken or returned,
//    or the session itself returned (LibraryInterface, HandsOut).
// A function that shows none of these is neutral; its name can only break a
// tie between classes whose functions show nothing (ClassRoles.cpp).
//
//===----------------------------------------------------------------------===//

#include "model/Literals.h"
#include "model/SessionModel.h"
#include "model/SqlText.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::session {
namespace {

/// Text as C++ spells it: character pointers and arrays, the standard
/// strings and views, Qt's strings.
bool isText(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType() || T->isArrayType()) {
    QualType Element = T->isPointerType()
                           ? T->getPointeeType()
                           : QualType(T->getPointeeOrArrayElementType(), 0);
    return Element->isAnyCharacterType();
  }
  const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
  if (!Class || !Class->getIdentifier())
    return false;
  llvm::StringRef Name = Class->getName();
  if (Class->isInStdNamespace())
    return Name == "basic_string" || Name == "basic_string_view";
  return Class->getDeclContext()->isTranslationUnit() &&
         (Name == "QString" || Name == "QByteArray" || Name == "QStringView" ||
          Name == "QLatin1String");
}

/// True if \p E reads a parameter of \p Function.
bool readsParameter(const Expr *E, const FunctionDecl *Function) {
  if (!E)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl()))
      return Param->getDeclContext() == Function;
  for (const Stmt *Child : E->children())
    if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
      if (readsParameter(ChildExpr, Function))
        return true;
  return false;
}

/// The member function behind a call, for calls into the same class.
const CXXMethodDecl *calledMethod(const CallExpr *Call) {
  return dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
}

/// Collects the behaviour of one function body.
class BodyScan : public RecursiveASTVisitor<BodyScan> {
public:
  BodyScan(SessionModel &Model, const FunctionDecl *Function,
           const CXXRecordDecl *Class)
      : Model(Model), Function(Function), Class(Class) {}

  bool shouldVisitLambdaBody() const { return true; }

  bool VisitMemberExpr(MemberExpr *Member) {
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
      TouchesSession |= Field->getParent() == Class &&
                        Model.holding(Field->getType()).has_value();
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Found.Kind == RoleEvidence::CallerSql)
      return true;
    const LibraryEntry *Library = Model.libraryOf(Callee);
    if (!Library)
      return true;
    TouchesSession = true;
    // The library's own acquire and release functions: the session's life
    // cycle (`res = PQsetdbLogin(...)`, `PQfinish(conn_)`).
    // The text an acquire is handed is a connection string or a path.
    if (Model.lifeCycleStepOf(Callee) != SessionModel::LifeCycleStep::None) {
      record(RoleEvidence::LifeCycle, Call->getExprLoc());
      return true;
    }
    // A library call that is handed text from a parameter: the caller's SQL
    // runs here.
    for (const Expr *Arg : Call->arguments())
      if (isText(Arg->getType()) && readsParameter(Arg, Function)) {
        record(RoleEvidence::CallerSql, Call->getExprLoc());
        break;
      }
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    const CXXRecordDecl *Built = Construct->getConstructor()->getParent();
    if (isSessionClass(Built))
      record(RoleEvidence::LifeCycle, Construct->getBeginLoc());
    return true;
  }

  bool VisitCXXNewExpr(CXXNewExpr *New) {
    if (const CXXRecordDecl *Built = New->getAllocatedType()->getAsCXXRecordDecl())
      if (isSessionClass(Built))
        record(RoleEvidence::LifeCycle, New->getBeginLoc());
    return true;
  }

  bool VisitCXXDeleteExpr(CXXDeleteExpr *Delete) {
    if (Model.holding(Delete->getArgument()->IgnoreParenImpCasts()->getType()))
      record(RoleEvidence::LifeCycle, Delete->getBeginLoc());
    return true;
  }

  Evidence Found;
  /// The body uses the class's session or calls the library: a value it
  /// returns may be built from results.
  bool TouchesSession = false;

private:
  bool isSessionClass(const CXXRecordDecl *Built) {
    return Built && Built != Class &&
           SessionModel::isSessionRole(Model.roleOf(Built).Role) &&
           Model.isLibraryCode(Built);
  }
  void record(RoleEvidence Kind, SourceLocation Loc) {
    // Text from the caller outranks an open or a close in the same body.
    if (Found.Kind == RoleEvidence::CallerSql ||
        (Found.Kind == Kind && Found.Loc.isValid()))
      return;
    Found.Kind = Kind;
    Found.Loc = Loc;
  }

  SessionModel &Model;
  const FunctionDecl *Function;
  const CXXRecordDecl *Class;
};

/// The tables a scan saw created, in the order written, and not dropped
/// again since: the application's tables unless the scan drops them later.
struct CreatedTables {
  llvm::SmallVector<Evidence, 2> Kept;
  llvm::StringSet<> Ever;
};

/// Finds SQL naming a table of the application: in string literals, in the
/// initializers of the constants the body reads, and in the bodies of the
/// class's own member functions it calls. A table the scan creates and then
/// drops (`CREATE TABLE notempty …; DROP TABLE notempty;`) is scratch space;
/// every other table named is the application's.
class DomainSqlScan : public RecursiveASTVisitor<DomainSqlScan> {
public:
  DomainSqlScan(const CXXRecordDecl *Class, unsigned Depth,
                llvm::SmallPtrSetImpl<const Stmt *> &Seen,
                CreatedTables &Created)
      : Class(Class), Depth(Depth), Seen(Seen), Created(Created) {}

  bool shouldVisitLambdaBody() const { return true; }

  bool VisitStringLiteral(StringLiteral *Literal) {
    // Qt's QStringLiteral writes a UTF-16 literal; a table may be named in
    // any letters (`ТЗакон`).
    std::string Text = literalText(Literal);
    std::string Table = domainTableIn(Text);
    if (Table.empty())
      return true;
    Evidence Sql;
    Sql.Kind = RoleEvidence::DomainSql;
    Sql.Table = Table;
    // The text as written, also inside a macro's argument (QStringLiteral).
    Sql.Loc = Class->getASTContext().getSourceManager().getFileLoc(
        Literal->getBeginLoc());
    TableChange Change = tableChangeIn(Text);
    // What a scratch table is filled from may be the application's.
    if (std::string Source = sourceTableIn(Text);
        !Source.empty() && !Created.Ever.contains(Source) &&
        (Created.Ever.contains(Table) || Change == TableChange::Creates)) {
      Found = Sql;
      Found.Table = std::move(Source);
      return false;
    }
    switch (Change) {
    case TableChange::Creates:
      Created.Ever.insert(Table);
      Created.Kept.push_back(std::move(Sql));
      return true;
    case TableChange::Drops:
      if (Created.Ever.contains(Table)) {
        llvm::erase_if(Created.Kept,
                       [&](const Evidence &E) { return E.Table == Table; });
        return true;
      }
      break;
    case TableChange::None:
      // Filling or reading a table created here is still scratch work.
      if (Created.Ever.contains(Table))
        return true;
      break;
    }
    Found = std::move(Sql);
    return false;
  }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    // A named constant holding the statement (`kFindUser`).
    if (!Var || isa<ParmVarDecl>(Var) ||
        !(Var->hasGlobalStorage() || Var->getType().isConstQualified()) ||
        !Var->getInit() || !Seen.insert(Var->getInit()).second)
      return true;
    if (const StringLiteral *Literal = stringLiteralIn(Var->getInit()))
      VisitStringLiteral(const_cast<StringLiteral *>(Literal));
    return Found.Kind == RoleEvidence::None;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const CXXMethodDecl *Method = calledMethod(Call);
    const FunctionDecl *Definition = nullptr;
    if (!Depth || !Method || Method->getParent() != Class ||
        !Method->hasBody(Definition) ||
        !Seen.insert(Definition->getBody()).second)
      return true;
    DomainSqlScan Inner(Class, Depth - 1, Seen, Created);
    Inner.TraverseStmt(Definition->getBody());
    if (Inner.Found.Kind != RoleEvidence::None)
      Found = Inner.Found;
    return Found.Kind == RoleEvidence::None;
  }

  Evidence Found;

private:
  const CXXRecordDecl *Class;
  unsigned Depth;
  llvm::SmallPtrSetImpl<const Stmt *> &Seen;
  CreatedTables &Created;
};

} // namespace

Evidence SessionModel::domainSqlIn(const Stmt *Body, const CXXRecordDecl *Class,
                                   unsigned Depth) {
  llvm::SmallPtrSet<const Stmt *, 8> Seen;
  CreatedTables Created;
  DomainSqlScan Scan(Class, Depth, Seen, Created);
  Scan.TraverseStmt(const_cast<Stmt *>(Body));
  if (Scan.Found.Kind == RoleEvidence::None && !Created.Kept.empty())
    return Created.Kept.front();
  return Scan.Found;
}

bool SessionModel::isLibraryType(QualType T) {
  for (unsigned Depth = 0; Depth < 8 && !T.isNull(); ++Depth) {
    const Type *Ty = T.getTypePtr();
    if (const auto *Typedef = dyn_cast<TypedefType>(Ty)) {
      // `MYSQL_ROW` is a `char **` only once the typedef is gone.
      if (libraryOf(Typedef->getDecl()))
        return true;
    } else if (Ty->isPointerType() || Ty->isReferenceType()) {
      T = Ty->getPointeeType();
      continue;
    } else if (const auto *Record = Ty->getAs<RecordType>()) {
      const RecordDecl *Decl = Record->getDecl();
      if (libraryOf(Decl))
        return true;
      // A standard container or smart pointer of library types.
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Decl);
          Spec && Spec->isInStdNamespace())
        return llvm::any_of(Spec->getTemplateArgs().asArray(),
                            [&](const TemplateArgument &Arg) {
                              return Arg.getKind() == TemplateArgument::Type &&
                                     isLibraryType(Arg.getAsType());
                            });
      return false;
    }
    QualType Next = Ty->getLocallyUnqualifiedSingleStepDesugaredType();
    if (Next.getTypePtr() == Ty)
      return false;
    T = Next;
  }
  return false;
}

Evidence SessionModel::methodEvidence(const CXXMethodDecl *Method,
                                      const CXXRecordDecl *Class) {
  auto At = [&](RoleEvidence Kind, SourceLocation Loc) {
    Evidence E;
    E.Kind = Kind;
    E.Where = Method;
    E.Loc = Loc.isValid() ? Loc : Method->getLocation();
    return E;
  };
  // A signature an error broke (a parameter of a generated type that is not
  // there) still has its body: its own SQL says what the class is.
  const FunctionDecl *Definition = nullptr;
  bool HasBody = Method->hasBody(Definition) && Definition->getBody();
  if (HasBody) {
    Evidence Sql = domainSqlIn(Definition->getBody(), Class, /*Depth=*/2);
    if (Sql.Kind != RoleEvidence::None) {
      Sql.Where = Method;
      return Sql;
    }
  }
  if (isa<CXXConstructorDecl, CXXDestructorDecl>(Method) ||
      Method->isInvalidDecl())
    return {};
  bool TouchesSession = true;
  if (HasBody) {
    BodyScan Scan(*this, Definition, Class);
    Scan.TraverseStmt(Definition->getBody());
    if (Scan.Found.Kind != RoleEvidence::None)
      return At(Scan.Found.Kind, Scan.Found.Loc);
    TouchesSession = Scan.TouchesSession;
  }
  // The application's data, built from results or stored through the
  // session; an accessor returning a field of the class's own (its last
  // error, its settings) says nothing about the session.
  if (TouchesSession && takesOrReturnsDomainType(Method, Class))
    return At(RoleEvidence::DomainType, {});

  QualType Returned = Method->getReturnType();
  if (holding(Returned))
    return At(RoleEvidence::HandsOut, {});
  if (const CXXRecordDecl *ReturnedClass = Returned->getAsCXXRecordDecl();
      ReturnedClass &&
      roleOf(ReturnedClass).Role == ClassRole::TransactionGuard)
    return At(RoleEvidence::HandsOut, {});
  if (const auto *Pointee = Returned->getPointeeCXXRecordDecl();
      Pointee && roleOf(Pointee).Role == ClassRole::TransactionGuard)
    return At(RoleEvidence::HandsOut, {});
  if (isLibraryType(Returned) ||
      llvm::any_of(Method->parameters(), [&](const ParmVarDecl *Param) {
        return isLibraryType(Param->getType());
      }))
    return At(RoleEvidence::LibraryInterface, {});
  return {};
}

} // namespace clang::tidy::session
