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

void noteWhyItIsASession(ClangTidyCheck &Check, const Holding &H) {
  const FieldDecl *Member = H.WrappedMember;
  if (!Member)
    return;
  Check.diag(Member->getLocation(),
             "%0 counts as a session: it owns '%1' through its member %2",
             DiagnosticIDs::Note)
      << H.SessionDecl << spelledType(Member) << Member;
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
