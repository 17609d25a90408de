//===--- UnscopedAcquireCheck.cpp - session-unscoped-acquire --------------===//

#include "UnscopedAcquireCheck.h"
#include "model/OwnershipAnalysis.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::session {
namespace {

llvm::StringRef leakNote(LeakKind Kind) {
  switch (Kind) {
  case LeakKind::Return:
    return "leaked when this return is taken";
  case LeakKind::FunctionEnd:
    return "leaked when the function returns here";
  case LeakKind::Throw:
    return "leaked when this exception is thrown";
  case LeakKind::MayThrow:
    return "leaked if this call throws: a release later in the function does "
           "not run when an exception unwinds";
  case LeakKind::Overwrite:
    return "leaked when %0 is overwritten here";
  case LeakKind::Redeclared:
    return "leaked when the loop comes back to the declaration of %0";
  case LeakKind::Discarded:
    break;
  }
  llvm_unreachable("a discarded handle has no exit");
}

} // namespace

UnscopedAcquireCheck::UnscopedAcquireCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : SessionCheck(Name, Context, TypeOptions | AcquireReleaseOptions),
      Uses(Config, Model) {}

void UnscopedAcquireCheck::registerMatchers(MatchFinder *Finder) {
  if (!configured())
    return;
  // Templates are analyzed once, as written; instantiations repeat them.
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(stmt()),
                                  unless(isExpansionInSystemHeader()),
                                  unless(ast_matchers::isTemplateInstantiation()))
                         .bind("function"),
                     this);
}

void UnscopedAcquireCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
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
    diag(A.Site->getBeginLoc(),
         "session %0 acquired by '%1' is not released on every path out of "
         "%2%select{|; own it with %4}3")
        << Found.Handle << A.Acquirer << Function << CPlusPlus
        << A.SuggestedOwner;
    diag(Found.Where, leakNote(Found.Kind), DiagnosticIDs::Note)
        << Found.Handle;
  }
}

} // namespace clang::tidy::session
