//===--- UserCodeMatching.h - Matchers run over the user's code only ------===//
//
// clang-tidy's MatchFinder tries every registered matcher on every node of
// its kind in the translation unit, the system headers' included: for a file
// that includes Qt or POCO, hundreds of thousands of calls, variables and
// constructions, each paying the matcher framework's dispatch for a node no
// session check reports (every session matcher rejects system headers).
// So the session checks register one matcher with clang-tidy, on the
// translation unit, and run their own matchers in a second MatchFinder,
// shared by all of them, whose traversal scope is the user's part of
// clang-tidy's: the top-level declarations not wholly inside system headers.
// Same matches, same order, a fraction of the cost (docs/performance.md has the
// figures).
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_USERCODEMATCHING_H
#define SESSION_LINT_MODEL_USERCODEMATCHING_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <memory>

namespace clang::tidy::session {

/// The declarations of \p Context's traversal scope that are not wholly in
/// system headers: the translation unit's top-level declarations, when the
/// scope is the whole unit.
std::vector<Decl *> userCodeScope(ASTContext &Context);

/// The matchers of every session check of one translation unit, in one
/// MatchFinder: the user's code is walked once for all of them. It is
/// registered with clang-tidy's MatchFinder (the engine) for the
/// translation unit, and runs its matchers when that one matches.
class UserCodeMatchFinder : public ast_matchers::MatchFinder::MatchCallback {
public:
  /// The finder shared by the session checks registered with \p Engine,
  /// created by the first one to ask.
  static std::shared_ptr<UserCodeMatchFinder>
  forEngine(ast_matchers::MatchFinder &Engine);

  template <typename MatcherT>
  void addMatcher(const MatcherT &Matcher,
                  ast_matchers::MatchFinder::MatchCallback *Check) {
    Finder.addMatcher(Matcher, Check);
  }

  /// The engine matched the translation unit: runs the matchers over the
  /// declarations of its traversal scope that are not wholly in system
  /// headers; the scope is restored afterwards.
  void run(const ast_matchers::MatchFinder::MatchResult &Result) override;
  StringRef getID() const override { return "session-*"; }

private:
  ast_matchers::MatchFinder Finder;
};

/// What one check registers its matchers with; their matches go to it.
class UserCodeMatchers {
public:
  UserCodeMatchers(UserCodeMatchFinder &Shared,
                   ast_matchers::MatchFinder::MatchCallback &Check)
      : Shared(Shared), Check(Check) {}

  template <typename MatcherT> void addMatcher(const MatcherT &Matcher) {
    Shared.addMatcher(Matcher, &Check);
  }

private:
  UserCodeMatchFinder &Shared;
  ast_matchers::MatchFinder::MatchCallback &Check;
};

} // namespace clang::tidy::session

#endif
