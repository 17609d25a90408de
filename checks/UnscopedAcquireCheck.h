//===--- UnscopedAcquireCheck.h - session-unscoped-acquire ----------------===//

#ifndef SESSION_LINT_UNSCOPEDACQUIRECHECK_H
#define SESSION_LINT_UNSCOPEDACQUIRECHECK_H

#include "model/HandleUses.h"
#include "model/SessionCheck.h"
#include "utils/IncludeInserter.h"

namespace clang::tidy::session {

/// R1: a session is owned by a scope and released on every path out of it,
/// exceptions included. Reports a session handle acquired with no RAII owner
/// (a C API handle, an owning raw pointer from a factory, `new` of a session
/// type) that some path out of the function does not release or hand on,
/// with a note at the leaking exit.
///
/// For the user-facing documentation see docs/checks/session-unscoped-acquire.md
class UnscopedAcquireCheck : public SessionCheck {
public:
  UnscopedAcquireCheck(StringRef Name, ClangTidyContext *Context);
  void registerUserCodeMatchers(UserCodeMatchers &Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void registerSessionPPCallbacks(Preprocessor *PP) override;

  HandleUses Uses;
  /// `#include <memory>` for the unique_ptr owner's fix-it.
  utils::IncludeInserter Includes;
};

} // namespace clang::tidy::session

#endif
