//===--- SessionCheck.h - What every session check starts from ------------===//
//
// Every session check reads its option groups the same way, reports a bad
// value as a configuration error, keeps a per-translation-unit session model,
// and echoes its options in storeOptions. This base does that once; a check
// only says which option groups it reads and writes its matchers.
//
// On cost: a check's matchers run over the user's code only (see
// UserCodeMatching.h), and each is one predicate, written as plain code,
// cheapest test first: a matcher built from nested matchers
// (`functionDecl(isDefinition(), hasBody(stmt()), unless(...))`) pays a
// dynamic dispatch per layer at every node it is tried on.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_SESSIONCHECK_H
#define SESSION_LINT_MODEL_SESSIONCHECK_H

#include "ClangTidyCheck.h"
#include "model/SessionModel.h"
#include "model/SessionOptions.h"
#include "model/UserCodeMatching.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::session {

/// What `ast_matchers::isExpansionInSystemHeader()` says of a node that
/// begins at \p Begin, as a plain call for the checks' one-predicate matchers.
bool inSystemHeader(SourceLocation Begin, const SourceManager &SM);

class SessionCheck : public ClangTidyCheck {
public:
  /// Registers the check's matchers with the session checks' shared
  /// finder (UserCodeMatching.h); their matches come to check().
  void registerMatchers(ast_matchers::MatchFinder *Finder) final;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) final;
  /// Tells the model where the unit's installed headers are.
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) final;

protected:
  SessionCheck(StringRef Name, ClangTidyContext *Context, unsigned Groups);

  /// The check's matchers, run over the user's code (UserCodeMatching.h);
  /// not called when an option was invalid.
  virtual void registerUserCodeMatchers(UserCodeMatchers &Finder) = 0;

  /// Registers this check for every function definition of the user's code,
  /// bound as "function" (templates once, as written), for the checks that
  /// follow paths through a body.
  void matchFunctionDefinitions(UserCodeMatchers &Finder);

  /// For a check that needs the preprocessor too (an IncludeInserter).
  virtual void registerSessionPPCallbacks(Preprocessor *PP) {}

  const unsigned Groups;
  const SessionOptions Config;
  SessionModel Model;

private:
  std::shared_ptr<UserCodeMatchFinder> UserCode;
};

} // namespace clang::tidy::session

#endif
