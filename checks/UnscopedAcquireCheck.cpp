//===--- UnscopedAcquireCheck.cpp - session-unscoped-acquire --------------===//

#include "UnscopedAcquireCheck.h"
#include "model/Diagnostics.h"
#include "model/OwnerFix.h"
#include "model/OwnershipAnalysis.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::session {
UnscopedAcquireCheck::UnscopedAcquireCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : SessionCheck(Name, Context, TypeOptions | AcquireReleaseOptions),
      Uses(Config, Model), Includes(utils::IncludeSorter::IS_LLVM,
                                     areDiagsSelfContained()) {}

void UnscopedAcquireCheck::registerUserCodeMatchers(UserCodeMatchers &Finder) {
  matchFunctionDefinitions(Finder);
}

void UnscopedAcquireCheck::registerSessionPPCallbacks(Preprocessor *PP) {
  Includes.registerPreprocessor(PP);
}

void UnscopedAcquireCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  // Code that did not compile says nothing reliable about its paths
  // (findLeaks also skips bodies with errors, once it has found an
  // acquisition: most functions have none, and that walk is the cheaper).
  if (Function->isInvalidDecl())
    return;
  // C has no owners to suggest: the message says what is wrong only.
  bool CPlusPlus = Result.Context->getLangOpts().CPlusPlus;
  for (const Leak &Found : findLeaks(Function, Uses)) {
    const Acquisition &A = Found.Acquired;
    if (Found.Kind == LeakKind::Discarded) {
      diag(A.Site->getBeginLoc(),
           "session acquired by '%0' is discarded without being "
           "released%select{|; own it with %2}1")
          << A.Acquirer << CPlusPlus << A.SuggestedOwner;
      continue;
    }
    if (Found.Kind == LeakKind::LostOnFailure) {
      diag(A.Site->getBeginLoc(),
           "session acquired by '%0' is lost when '%1' fails, which returns "
           "null without releasing it%select{|; own it with %3}2")
          << A.Acquirer << Found.LostIn->getName() << CPlusPlus
          << A.SuggestedOwner;
      continue;
    }
    // A constructor that throws never runs its destructor: the member's
    // handle is the constructor's to release on that path.
    if (isa<FieldDecl>(Found.Handle) && isa<CXXConstructorDecl>(Function))
      diag(A.Site->getBeginLoc(),
           "session %0 acquired by '%1' is not released when the constructor "
           "of %2 throws, and the destructor does not run for an object "
           "whose constructor throws%select{|; own it with %4}3")
          << Found.Handle << A.Acquirer
          << cast<CXXConstructorDecl>(Function)->getParent() << CPlusPlus
          << A.SuggestedOwner;
    else {
      auto Diag = diag(A.Site->getBeginLoc(),
                       "session %0 acquired by '%1' is not released on every "
                       "path out of %2%select{|; own it with %4}3")
                  << Found.Handle << A.Acquirer << functionName(Function)
                  << CPlusPlus << A.SuggestedOwner;
      if (std::optional<OwnerFix> Fix =
              ownerFix(Function, Found, Uses, *Result.Context)) {
        for (const FixItHint &Edit : Fix->Edits)
          Diag << Edit;
        Diag << Includes.createIncludeInsertion(Fix->File, "<memory>");
      }
    }
    // A release later in the function does not run when an exception
    // unwinds: say so where it matters.
    std::string Note = ("leaked " + describeExit(Found.Kind)).str();
    if (Found.Kind == LeakKind::Return && isa<ParmVarDecl>(Found.Handle))
      Note += ", which tells the caller there is nothing to take";
    if (Found.Kind == LeakKind::MayThrow)
      Note += ": a release later in the function does not run when an "
              "exception unwinds";
    diag(Found.Where, Note, DiagnosticIDs::Note) << Found.Handle;
  }
}

} // namespace clang::tidy::session
