//===--- MemberStorageCheck.h - session-member-storage --------------------===//

#ifndef SESSION_LINT_MEMBERSTORAGECHECK_H
#define SESSION_LINT_MEMBERSTORAGECHECK_H

#include "model/SessionCheck.h"

namespace clang::tidy::session {

/// R2: a session is never a data member of a long-lived object, whether
/// created there or injected. Reports session-typed non-static data members
/// of classes that are not pools, guards, wrappers, sessions or scope classes;
/// a singleton is reported even when it looks like a wrapper.
///
/// For the user-facing documentation see docs/checks/session-member-storage.md
class MemberStorageCheck : public SessionCheck {
public:
  MemberStorageCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerUserCodeMatchers(UserCodeMatchers &Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// The warning for \p Member, and for a singleton the note that says so.
  void warnStored(const FieldDecl *Member, const CXXRecordDecl *Owner,
                  const NamedDecl *Singleton);
  void holdBackOnWrapperElsewhere(const FieldDecl *Member,
                                  const CXXRecordDecl *Owner);
};

} // namespace clang::tidy::session

#endif
