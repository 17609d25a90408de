//===--- Diagnostics.h - Wording shared by the session checks -------------===//
//
// How a finding names the session it is about, and the note that says why a
// user type counts as one. Kept in one place so every check words the same
// thing the same way.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_DIAGNOSTICS_H
#define SESSION_LINT_MODEL_DIAGNOSTICS_H

#include "ClangTidyCheck.h"
#include "model/OwnershipAnalysis.h"
#include "model/SessionModel.h"

namespace clang::tidy::session {

/// The declared type of \p Value as the user wrote it, without an "aka".
std::string spelledType(const ValueDecl *Value);

/// When \p H is a session through a user wrapper or guard, notes the member
/// that makes it one, and what the wrapper does that makes it a wrapper.
void noteWhyItIsASession(ClangTidyCheck &Check, const Holding &H);

/// The text of that note for \p Class, which owns its session through
/// \p Member, on the evidence \p Why.
std::string whyItIsASession(const NamedDecl *Class,
                            const FieldDecl *Member, const Evidence &Why);

/// When a class holding a session was judged a service by what it does (SQL
/// on its own tables, the application's data), notes where it does so.
void noteWhyItIsAService(ClangTidyCheck &Check, const CXXRecordDecl *Class,
                         const Evidence &Why);

/// The text of that note; empty when the evidence is of another kind.
std::string whyItIsAService(const CXXRecordDecl *Class, const Evidence &Why);

/// In a batch, ties the finding being reported to the roles it rests on
/// (BatchFacts.h); \p HeldBack for a finding this unit does not show unless
/// a better-informed unit disagrees with it. Nothing outside a batch.
void noteDependences(ClangTidyCheck &Check, SourceLocation Loc,
                     std::vector<RoleDependence> Dependences, bool HeldBack);

/// How a finding names the function it is about: "'f'", or "the lambda".
std::string functionName(const FunctionDecl *Function);

/// How a path leaves the function, to follow "leaked " or "the transaction
/// is left open ": "when this return is taken", "if this call throws", …
llvm::StringRef describeExit(LeakKind Kind);

/// Notes where a template was instantiated with the session type, when the
/// finding comes from an instantiation.
void noteInstantiation(ClangTidyCheck &Check, SourceLocation PointOfInstantiation,
                       const NamedDecl *Instantiation);

} // namespace clang::tidy::session

#endif
