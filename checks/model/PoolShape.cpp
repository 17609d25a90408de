//===--- PoolShape.cpp - A class that lends sessions and takes them back --===//
//
// A pool may be long-lived: lending sessions out and taking them back is its
// job (SPEC §2). What makes one is what it does, in this order:
// * it cycles its sessions: its member functions (public or not) both take
//   sessions out of a container member (pop, erase, take) and put them in
//   (push, insert, append) — a class that only adds sessions and hands out
//   references to them keeps them all, and is a service;
// * an RAII lease gives back to it: the destructor of a class that holds a
//   borrowed handle calls one of its member functions through a member
//   (`~Lease() { broker_.checkin(conn_); }`, also by slot index), so it
//   lends even when its own hand-out and take-back are private;
// * its interface: a hand-out returning a session and a take-back receiving
//   a borrowed one (a raw pointer or reference, not an owner: that would add
//   a session), unless its visible bodies only ever add sessions;
// * only where nothing of this is visible does a name with the word "pool"
//   break the tie, for a class holding many sessions or none of its own.
//
//===----------------------------------------------------------------------===//

#include "model/IdentifierWords.h"
#include "model/SessionModel.h"
#include "model/UserCodeMatching.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::session {
namespace {

enum class ContainerUse { Other, TakesOut, PutsIn };

/// What a call on a standard or Qt container does to its elements.
ContainerUse containerUse(llvm::StringRef Operation) {
  return llvm::StringSwitch<ContainerUse>(Operation)
      .Cases("pop_back", "pop_front", "pop", "erase", "extract",
             ContainerUse::TakesOut)
      .Cases("take", "takeFirst", "takeLast", "takeAt", "dequeue",
             ContainerUse::TakesOut)
      .Cases("removeFirst", "removeLast", "removeAt", ContainerUse::TakesOut)
      .Cases("push_back", "push_front", "push", "emplace", "emplace_back",
             ContainerUse::PutsIn)
      .Cases("emplace_front", "insert", "append", "prepend", "enqueue",
             ContainerUse::PutsIn)
      .Default(ContainerUse::Other);
}

/// The member of `this` an expression names, through `*this`, `->`, parens.
const FieldDecl *memberOfThis(const Expr *E) {
  const auto *Member = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!Member || !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(Member->getMemberDecl());
}

/// Records how the member functions of a class use its session containers.
class ContainerUses : public RecursiveASTVisitor<ContainerUses> {
public:
  explicit ContainerUses(llvm::ArrayRef<const FieldDecl *> Containers)
      : Containers(Containers) {}
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const FieldDecl *Field = memberOfThis(Call->getImplicitObjectArgument());
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Field || !Method || !Method->getIdentifier() ||
        !llvm::is_contained(Containers, Field))
      return true;
    switch (containerUse(Method->getName())) {
    case ContainerUse::TakesOut:
      TakesOut = TakesOut.isValid() ? TakesOut : Call->getExprLoc();
      break;
    case ContainerUse::PutsIn:
      PutsIn = true;
      break;
    case ContainerUse::Other:
      break;
    }
    return true;
  }
  SourceLocation TakesOut;
  bool PutsIn = false;

private:
  llvm::ArrayRef<const FieldDecl *> Containers;
};

/// True if \p T names a catalogued or configured session, by pointer,
/// reference or value, without asking any class for its role: what a lease
/// keeps of what it borrowed.
bool namesSessionType(QualType T, const SessionOptions &Options) {
  for (unsigned Depth = 0; Depth < 8 && !T.isNull(); ++Depth) {
    if (const auto *Typedef = T->getAs<TypedefType>();
        Typedef && Options.SessionTypes.matches(
                       Typedef->getDecl()->getQualifiedNameAsString()))
      return true;
    T = T.getNonReferenceType();
    if (T->isPointerType()) {
      T = T->getPointeeType();
      continue;
    }
    const auto *Record = T->getAsRecordDecl();
    return Record &&
           Options.SessionTypes.matches(Record->getQualifiedNameAsString());
  }
  return false;
}

/// The classes whose member functions a body calls through a member of the
/// object it runs on (`broker_.checkin(conn_)`, `pool_->release(slot_)`),
/// other than its own class.
class MemberCallTargets : public RecursiveASTVisitor<MemberCallTargets> {
public:
  MemberCallTargets(const CXXRecordDecl *Self,
                    llvm::DenseSet<const CXXRecordDecl *> &Into)
      : Self(Self->getCanonicalDecl()), Into(Into) {}
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    if (!memberOfThis(Call->getImplicitObjectArgument()))
      return true;
    if (const CXXRecordDecl *Target = Call->getRecordDecl())
      if (Target->getCanonicalDecl() != Self)
        Into.insert(Target->getCanonicalDecl());
    return true;
  }

private:
  const CXXRecordDecl *Self;
  llvm::DenseSet<const CXXRecordDecl *> &Into;
};

/// The body of \p Class's destructor, if it has one here.
const Stmt *destructorBody(const CXXRecordDecl *Class) {
  const CXXDestructorDecl *Destructor = Class->getDestructor();
  const FunctionDecl *Definition = nullptr;
  if (!Destructor || !Destructor->hasBody(Definition))
    return nullptr;
  return Definition->getBody();
}

/// True if a body hands \p Kept to a member function called through another
/// member of the object (`pool_->giveBack(conn_)`).
class HandsBack : public RecursiveASTVisitor<HandsBack> {
public:
  explicit HandsBack(const FieldDecl *Kept) : Kept(Kept) {}
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const FieldDecl *Through = memberOfThis(Call->getImplicitObjectArgument());
    Found |= Through && Through != Kept &&
             llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
               return memberOfThis(Arg) == Kept;
             });
    return !Found;
  }
  bool Found = false;

private:
  const FieldDecl *Kept;
};

/// Finds the classes the destructors of leases call into through a member.
/// A lease is recognised here by a member that names a catalogued or
/// configured session type, without asking any class for its role: this
/// set feeds the pool's own role.
class GiveBackFinder : public RecursiveASTVisitor<GiveBackFinder> {
public:
  GiveBackFinder(const SessionOptions &Options,
                 llvm::DenseSet<const CXXRecordDecl *> &Into)
      : Options(Options), Into(Into) {}
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool VisitCXXDestructorDecl(CXXDestructorDecl *Destructor) {
    const CXXRecordDecl *Lease = Destructor->getParent();
    const Stmt *Body = Destructor->doesThisDeclarationHaveABody()
                           ? Destructor->getBody()
                           : nullptr;
    if (!Body || llvm::none_of(Lease->fields(), [&](const FieldDecl *Field) {
          return namesSessionType(Field->getType(), Options);
        }))
      return true;
    MemberCallTargets(Lease, Into).TraverseStmt(const_cast<Stmt *>(Body));
    return true;
  }
  // Bodies are walked from their destructor only.
  bool TraverseStmt(Stmt *, DataRecursionQueue * = nullptr) { return true; }

private:
  const SessionOptions &Options;
  llvm::DenseSet<const CXXRecordDecl *> &Into;
};

} // namespace

const llvm::DenseSet<const CXXRecordDecl *> &
SessionModel::givenBackTo(ASTContext &Context) {
  if (!GivenBackTo) {
    GivenBackTo.emplace();
    GiveBackFinder Finder(Options, *GivenBackTo);
    for (Decl *D : userCodeScope(Context))
      Finder.TraverseDecl(D);
  }
  return *GivenBackTo;
}

bool SessionModel::givesBackToPool(const CXXRecordDecl *Class) {
  const Stmt *Body = destructorBody(Class);
  if (!Body)
    return false;
  // Its own destructor calls into the pool: what it holds may be a session
  // only the whole model knows of (a wrapper of the project's own), which
  // the pool-side set above cannot ask about.
  llvm::DenseSet<const CXXRecordDecl *> CalledInto;
  MemberCallTargets(Class, CalledInto).TraverseStmt(const_cast<Stmt *>(Body));
  const CXXRecordDecl *Self = Class->getCanonicalDecl();
  for (const FieldDecl *Field : Class->fields()) {
    const CXXRecordDecl *Target = instanceClass(Field->getType());
    if (Target && Target != Self && CalledInto.contains(Target) &&
        roleOf(Target).Role == ClassRole::Pool)
      return true;
  }
  return false;
}

bool SessionModel::handsBackInDestructor(const CXXRecordDecl *Class,
                                         const FieldDecl *Kept) {
  const Stmt *Body = destructorBody(Class);
  if (!Body)
    return false;
  HandsBack Finder(Kept);
  Finder.TraverseStmt(const_cast<Stmt *>(Body));
  return Finder.Found;
}

Evidence SessionModel::poolEvidence(const CXXRecordDecl *Definition,
                                    llvm::ArrayRef<const FieldDecl *> Containers,
                                    bool HoldsAny) {
  Evidence Found;
  Found.Where = Definition;
  Found.Loc = Definition->getLocation();
  bool SomeBodyElsewhere = false;
  bool HandsOutDeclared = false, TakesBackDeclared = false;
  ContainerUses Uses(Containers);
  for (const Decl *Member : Definition->decls()) {
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Member))
      Member = Template->getTemplatedDecl();
    const auto *Method = dyn_cast<CXXMethodDecl>(Member);
    if (!Method || Method->isImplicit() || Method->isDeleted() ||
        Method->isDefaulted())
      continue;
    const FunctionDecl *Body = nullptr;
    if (Method->hasBody(Body)) {
      if (!Containers.empty())
        Uses.TraverseStmt(Body->getBody());
    } else {
      SomeBodyElsewhere = true;
    }
    if (isa<CXXConstructorDecl, CXXDestructorDecl>(Method) ||
        Method->isStatic())
      continue;
    HandsOutDeclared |= holding(Method->getReturnType()).has_value();
    // A take-back receives a borrowed session; a parameter that transfers
    // ownership (`unique_ptr`, by value) adds one to the collection.
    TakesBackDeclared |=
        llvm::any_of(Method->parameters(), [&](const ParmVarDecl *Param) {
          std::optional<Holding> H = holding(Param->getType());
          return H && (H->Kind == HolderKind::RawPointer ||
                       H->Kind == HolderKind::Reference);
        });
  }
  if (Uses.TakesOut.isValid() && Uses.PutsIn) {
    Found.Kind = RoleEvidence::PoolCycles;
    Found.Loc = Uses.TakesOut;
    return Found;
  }
  if (HoldsAny && givenBackTo(Definition->getASTContext())
                      .contains(Definition->getCanonicalDecl())) {
    Found.Kind = RoleEvidence::PoolLeases;
    return Found;
  }
  // Sessions only ever added and handed out by reference are kept, not
  // lent: a registry or a router.
  bool OnlyAdds = Uses.PutsIn && Uses.TakesOut.isInvalid();
  if (!Containers.empty() && HandsOutDeclared && TakesBackDeclared &&
      !OnlyAdds) {
    Found.Kind = RoleEvidence::PoolDeclared;
    return Found;
  }
  bool NamedLikePool =
      Definition->getIdentifier() &&
      llvm::is_contained(identifierWords(Definition->getName()), "pool");
  if (NamedLikePool && (!HoldsAny || (!Containers.empty() && SomeBodyElsewhere)))
    Found.Kind = RoleEvidence::PoolName;
  else
    Found.Kind = RoleEvidence::None;
  return Found;
}

} // namespace clang::tidy::session
