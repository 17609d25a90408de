//===--- SessionCheck.h - What every session check starts from ------------===//
//
// Every session check reads its option groups the same way, reports a bad
// value as a configuration error, keeps a per-translation-unit session model,
// and echoes its options in storeOptions. This base does that once; a check
// only says which option groups it reads and writes its matchers.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_SESSIONCHECK_H
#define SESSION_LINT_MODEL_SESSIONCHECK_H

#include "ClangTidyCheck.h"
#include "model/SessionModel.h"
#include "model/SessionOptions.h"

namespace clang::tidy::session {

class SessionCheck : public ClangTidyCheck {
public:
  void storeOptions(ClangTidyOptions::OptionMap &Opts) final;

protected:
  SessionCheck(StringRef Name, ClangTidyContext *Context, unsigned Groups);

  /// False when an option was invalid: the check must register nothing.
  bool configured() const { return Config.Valid; }

  /// Registers this check for every function definition of the user's code,
  /// bound as "function" (templates once, as written), for the checks that
  /// follow paths through a body.
  void matchFunctionDefinitions(ast_matchers::MatchFinder *Finder);

  const unsigned Groups;
  const SessionOptions Config;
  SessionModel Model;
};

} // namespace clang::tidy::session

#endif
