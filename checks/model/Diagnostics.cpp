//===--- Diagnostics.cpp - Wording shared by the session checks -----------===//

#include "model/Diagnostics.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::session {

std::string spelledType(const ValueDecl *Value) {
  PrintingPolicy Policy = Value->getASTContext().getPrintingPolicy();
  QualType Type = Value->getType();
  // A deduced type is spelled by the library's internals
  // (`__detail::__unique_ptr_t<...>` for make_unique): show what it is.
  if (isa<DeducedType>(Type.getTypePtr()->getUnqualifiedDesugaredType()) ||
      Type->getContainedDeducedType())
    Type = Type.getCanonicalType();
  return Type.getAsString(Policy);
}

namespace {
/// A declaration as a diagnostic's %0 names it.
std::string quoted(const NamedDecl *D) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  D->getNameForDiagnostic(OS, D->getASTContext().getPrintingPolicy(),
                          /*Qualified=*/false);
  return "'" + Name + "'";
}

/// How a wrapper's evidence reads after "... through its member 'x'".
std::string wrapperEvidence(const Evidence &Why) {
  std::string Where = Why.Where ? quoted(Why.Where) : "";
  switch (Why.Kind) {
  case RoleEvidence::CallerSql:
    return ", and " + Where + " runs SQL text its callers pass in";
  case RoleEvidence::LibraryInterface:
    return ", and " + Where + " takes or returns the library's own types";
  case RoleEvidence::HandsOut:
    return ", and " + Where + " hands out the session or a transaction on it";
  case RoleEvidence::LifeCycle:
    return ", and " + Where + " opens or closes it";
  case RoleEvidence::SessionNames:
    return ", and its member functions are all about that session";
  case RoleEvidence::GivesBack:
    return ", and " + Where + " gives it back to a pool: a lease";
  default:
    return "";
  }
}
} // namespace

std::string whyItIsASession(const NamedDecl *Class,
                            const FieldDecl *Member, const Evidence &Why) {
  return quoted(Class) + " counts as a session: it owns '" +
         spelledType(Member) + "' through its member " + quoted(Member) +
         wrapperEvidence(Why);
}

void noteWhyItIsASession(ClangTidyCheck &Check, const Holding &H) {
  const FieldDecl *Member = H.WrappedMember;
  if (!Member || !H.SessionDecl)
    return;
  Check.diag(Member->getLocation(), "%0", DiagnosticIDs::Note)
      << whyItIsASession(H.SessionDecl, Member, H.Why);
}

std::string whyItIsAService(const CXXRecordDecl *Class, const Evidence &Why) {
  if (Why.Kind == RoleEvidence::DomainSql)
    return quoted(Class) + " is a service, not a session wrapper: " +
           quoted(Why.Where) + " runs SQL on its own table '" + Why.Table +
           "'";
  if (Why.Kind == RoleEvidence::DomainType)
    return quoted(Class) + " is a service, not a session wrapper: " +
           quoted(Why.Where) + " takes or returns the application's data";
  return {};
}

void noteWhyItIsAService(ClangTidyCheck &Check, const CXXRecordDecl *Class,
                         const Evidence &Why) {
  std::string Text = whyItIsAService(Class, Why);
  if (!Text.empty())
    Check.diag(Why.Loc, "%0", DiagnosticIDs::Note) << Text;
}

void locateWhy(ClassJudgement &Judgement, const SourceManager &Sources,
               SourceLocation Loc) {
  Loc = Sources.getFileLoc(Loc);
  if (OptionalFileEntryRef File =
          Sources.getFileEntryRefForID(Sources.getFileID(Loc))) {
    Judgement.WhyFile = File->getFileEntry().tryGetRealPathName().str();
    Judgement.WhyOffset = Sources.getFileOffset(Loc);
  }
}

void noteDependences(ClangTidyCheck &Check, SourceLocation Loc,
                     std::vector<RoleDependence> Dependences, bool HeldBack) {
  BatchFacts *Facts = BatchFacts::active();
  if (!Facts || Dependences.empty())
    return;
  Check.diag(Loc, "%0", DiagnosticIDs::Note)
      << Facts->tie(std::move(Dependences), HeldBack);
}

void noteInstantiation(ClangTidyCheck &Check, SourceLocation PointOfInstantiation,
                       const NamedDecl *Instantiation) {
  if (PointOfInstantiation.isInvalid())
    return;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  Instantiation->getNameForDiagnostic(
      OS, Instantiation->getASTContext().getPrintingPolicy(),
      /*Qualified=*/true);
  Check.diag(PointOfInstantiation, "in '%0', instantiated here",
             DiagnosticIDs::Note)
      << Name;
}

std::string functionName(const FunctionDecl *Function) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function);
      Method && Method->getParent()->isLambda())
    return "the lambda";
  return "'" + Function->getNameAsString() + "'";
}

llvm::StringRef describeExit(LeakKind Kind) {
  switch (Kind) {
  case LeakKind::Return:
    return "when this return is taken";
  case LeakKind::FunctionEnd:
    return "when the function returns here";
  case LeakKind::Throw:
    return "when this exception is thrown";
  case LeakKind::MayThrow:
    return "if this call throws";
  case LeakKind::Overwrite:
    return "when %0 is overwritten here";
  case LeakKind::Redeclared:
    return "when the loop comes back to the declaration of %0";
  case LeakKind::Discarded:
  case LeakKind::LostOnFailure:
    break;
  }
  return "";
}

} // namespace clang::tidy::session
