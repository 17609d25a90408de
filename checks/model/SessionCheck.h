//===--- SessionCheck.h - What every session check starts from ------------===//
//
// Every session check reads its option groups the same way, reports a bad
// value as a configuration error, keeps a per-translation-unit session model,
// and echoes its options in storeOptions. This base does that once; a check
// only says which option groups it reads and writes its matchers.
//
// On cost: clang-tidy's MatchFinder tries every registered matcher on every
// node of its kind in the translation unit, the system headers' included —
// hundreds of thousands of calls, declarations and constructions for one
// file that includes Qt or POCO. A matcher built from nested matchers
// (`functionDecl(isDefinition(), hasBody(stmt()), unless(...))`) pays a
// dynamic dispatch per layer at each of them; so the checks' matchers are
// one predicate each, written as plain code, cheapest test first, with the
// system-header test (a source manager lookup) last.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_SESSIONCHECK_H
#define SESSION_LINT_MODEL_SESSIONCHECK_H

#include "ClangTidyCheck.h"
#include "model/SessionModel.h"
#include "model/SessionOptions.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::session {

/// What `ast_matchers::isExpansionInSystemHeader()` says of a node that
/// begins at \p Begin, as a plain call for the checks' one-predicate matchers.
bool inSystemHeader(SourceLocation Begin, const SourceManager &SM);

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
