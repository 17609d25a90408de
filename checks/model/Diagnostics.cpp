//===--- Diagnostics.cpp - Wording shared by the session checks -----------===//

#include "model/Diagnostics.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::session {

std::string spelledType(const ValueDecl *Value) {
  PrintingPolicy Policy = Value->getASTContext().getPrintingPolicy();
  Policy.SuppressScope = false;
  Policy.FullyQualifiedName = false;
  return Value->getType().getAsString(Policy);
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

} // namespace clang::tidy::session
