//===--- MemberStorageCheck.cpp - session-member-storage ------------------===//

#include "MemberStorageCheck.h"
#include "model/BatchFacts.h"
#include "model/DamagedClasses.h"
#include "model/Diagnostics.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::session {
namespace {

bool isInstantiated(const CXXRecordDecl *Class) {
  return isTemplateInstantiation(Class->getTemplateSpecializationKind());
}

/// The class a member belongs to, through anonymous structs and unions.
const CXXRecordDecl *namedOwner(const FieldDecl *Member) {
  const RecordDecl *Record = Member->getParent();
  while (Record && Record->isAnonymousStructOrUnion())
    Record = dyn_cast<RecordDecl>(Record->getParent());
  return dyn_cast_or_null<CXXRecordDecl>(Record);
}

/// The class a member keeps by value, pointer, reference or standard smart
/// pointer.
const CXXRecordDecl *keptClass(QualType T) {
  for (unsigned Depth = 0; Depth < 4 && !T.isNull(); ++Depth) {
    T = T.getNonReferenceType().getCanonicalType();
    if (T->isPointerType()) {
      T = T->getPointeeType();
      continue;
    }
    const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
    const auto *Smart = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Class);
    if (Smart && Smart->isInStdNamespace() && Smart->getIdentifier() &&
        llvm::is_contained({"unique_ptr", "shared_ptr"}, Smart->getName()) &&
        Smart->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
      T = Smart->getTemplateArgs()[0].getAsType();
      continue;
    }
    return Class ? Class->getDefinition() : nullptr;
  }
  return nullptr;
}

/// fieldDecl(unless(isExpansionInSystemHeader()), unless(isImplicit())), as
/// one predicate (see SessionCheck.h).
AST_MATCHER(FieldDecl, isUserField) {
  return !Node.isImplicit() &&
         !inSystemHeader(Node.getBeginLoc(),
                         Finder->getASTContext().getSourceManager());
}

} // namespace

MemberStorageCheck::MemberStorageCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : SessionCheck(Name, Context, TypeOptions | ScopeClassOptions) {}

void MemberStorageCheck::registerUserCodeMatchers(UserCodeMatchers &Finder) {
  Finder.addMatcher(fieldDecl(isUserField()).bind("member"));
}

void MemberStorageCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Member = Result.Nodes.getNodeAs<FieldDecl>("member");
  const auto *Owner = namedOwner(Member);
  // After an error: an invalid member says nothing; a class that lost a
  // member to it is still judged on the rest (DamagedClasses.h).
  if (!Owner || Owner->isLambda() || Member->isInvalidDecl() ||
      !isJudgeable(Owner))
    return;
  // An instantiation repeats its template, which was checked as written;
  // only a member spelled with a template parameter is new here.
  bool Instantiated = isInstantiated(Owner);
  if (Instantiated &&
      (!SessionModel::spelledWithTemplateArgument(Member->getType()) ||
       SessionModel::isHolderTemplate(Owner)))
    return;
  // Installed code reached through -I is not the user's to change.
  if (Model.isThirdParty(Owner))
    return;
  std::optional<Holding> Held = Model.holding(Member->getType());
  if (!Held) {
    holdBackOnWrapperElsewhere(Member, Owner);
    return;
  }
  // Classes whose job is to own sessions keep them; a singleton does not get
  // that benefit of the doubt: it keeps its session for the whole process.
  ClassInfo Info = Model.roleOf(Owner);
  ClassRole Role = Info.Role;
  if ((Role != ClassRole::Plain && Role != ClassRole::Wrapper) ||
      Model.isPartOfPool(Owner))
    return;
  const NamedDecl *Singleton = Model.singletonEvidence(Owner);

  // In a batch, a verdict this unit reached without seeing every member
  // function body is checked against the unit that saw them (BatchFacts.h):
  // the session type's wrapper verdict, and the owner's verdict unless it is
  // a singleton, which keeps its session either way.
  std::vector<RoleDependence> Dependences;
  Model.addSessionDependence(Dependences, *Held);
  size_t Before = Dependences.size();
  if (!Singleton)
    Model.addDependence(Dependences, Owner, Info, RoleSense::Service);
  // A wrapper keeps its session, unless the unit that saw its bodies found
  // a service.
  bool HeldBack = Role == ClassRole::Wrapper && !Singleton;
  if (HeldBack && Dependences.size() == Before)
    return;

  warnStored(Member, Owner, Singleton);
  noteDependences(*this, Member->getLocation(), std::move(Dependences),
                  HeldBack);
  noteWhyItIsASession(*this, *Held);
  if (Role == ClassRole::Plain)
    noteWhyItIsAService(*this, Owner, Info.Why);
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Owner);
      Instantiated && Spec)
    noteInstantiation(*this, Spec->getPointOfInstantiation(), Spec);
}

void MemberStorageCheck::warnStored(const FieldDecl *Member,
                                    const CXXRecordDecl *Owner,
                                    const NamedDecl *Singleton) {
  if (!Singleton) {
    diag(Member->getLocation(),
         "session %0 of type '%1' is stored in a member of %2; open it per "
         "operation in an RAII scope or take it as a parameter")
        << Member << spelledType(Member) << Owner;
    return;
  }
  diag(Member->getLocation(),
       "session %0 of type '%1' is stored in a member of singleton %2, "
       "which keeps it open for the life of the process; open it per "
       "operation in an RAII scope or take it as a parameter")
      << Member << spelledType(Member) << Owner;
  if (isa<VarDecl>(Singleton))
    diag(Singleton->getLocation(), "%0 is a singleton: its instance is kept "
                                   "here",
         DiagnosticIDs::Note)
        << Owner;
  else
    diag(Singleton->getLocation(),
         "%0 is a singleton: it cannot be constructed from outside and "
         "hands out its one instance here",
         DiagnosticIDs::Note)
        << Owner;
}

/// A member keeping a class that holds a session, judged a service here
/// without all of its member function bodies: the unit that defines them may
/// find a wrapper (its life cycle, the caller's SQL), which makes the member
/// a session kept by \p Owner. In a batch the finding is held back on that
/// verdict (BatchFacts.h); elsewhere this unit's verdict stands.
void MemberStorageCheck::holdBackOnWrapperElsewhere(
    const FieldDecl *Member, const CXXRecordDecl *Owner) {
  if (!BatchFacts::active())
    return;
  const CXXRecordDecl *Kept = keptClass(Member->getType());
  if (!Kept || Kept == Owner->getDefinition())
    return;
  ClassInfo KeptInfo = Model.roleOf(Kept);
  if (KeptInfo.Role != ClassRole::Plain || !KeptInfo.ByShape || KeptInfo.Final)
    return;
  // An owner whose destructor hands the member back to the object it came
  // from is a lease of it, should the kept class turn out to be a session
  // (and the object it came from a pool, which this unit may not see either).
  ClassInfo Info = Model.roleOf(Owner);
  if (Info.Role != ClassRole::Plain || Model.isPartOfPool(Owner) ||
      Model.handsBackInDestructor(Owner, Member))
    return;
  // A singleton keeps what it holds for the whole process, whatever it does.
  const NamedDecl *Singleton = Model.singletonEvidence(Owner);
  std::vector<RoleDependence> Dependences;
  Model.addDependence(Dependences, Kept, KeptInfo, RoleSense::Session);
  if (!Singleton)
    Model.addDependence(Dependences, Owner, Info, RoleSense::Service);
  warnStored(Member, Owner, Singleton);
  noteDependences(*this, Member->getLocation(), std::move(Dependences),
                  /*HeldBack=*/true);
}

} // namespace clang::tidy::session
