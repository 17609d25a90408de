//===--- UserCodeMatching.h - Matchers run over the user's code only ------===//
//
// clang-tidy's MatchFinder tries every registered matcher on every node of
// its kind in the translation unit, the system headers' included: for a file
// that includes Qt or POCO, hundreds of thousands of calls, variables and
// constructions, each paying the matcher framework's dispatch for a node no
// session check reports (every session matcher rejects system headers).
// So a session check registers one matcher with clang-tidy, on the
// translation unit, and runs its own matchers in a second MatchFinder whose
// traversal scope is the user's part of clang-tidy's: the top-level
// declarations not wholly inside system headers. Same matches, same order,
// a fraction of the cost (docs/performance.md has the figures).
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_USERCODEMATCHING_H
#define SESSION_LINT_MODEL_USERCODEMATCHING_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <functional>

namespace clang::tidy::session {

/// The declarations of \p Context's traversal scope that are not wholly in
/// system headers: the translation unit's top-level declarations, when the
/// scope is the whole unit.
std::vector<Decl *> userCodeScope(ASTContext &Context);

/// A check's own matchers, and where their matches go.
class UserCodeMatchFinder {
public:
  using MatchResult = ast_matchers::MatchFinder::MatchResult;

  explicit UserCodeMatchFinder(std::function<void(const MatchResult &)> OnMatch)
      : Forward(std::move(OnMatch)) {}

  template <typename MatcherT> void addMatcher(const MatcherT &Matcher) {
    Finder.addMatcher(Matcher, &Forward);
  }

  /// Runs the matchers over the declarations of \p Context's traversal
  /// scope that are not wholly in system headers; the scope is restored
  /// afterwards.
  void match(ASTContext &Context);

private:
  /// Unlike a check, it has nothing to do at the start and end of a unit
  /// (this MatchFinder's unit is only a part of clang-tidy's).
  class Callback : public ast_matchers::MatchFinder::MatchCallback {
  public:
    explicit Callback(std::function<void(const MatchResult &)> OnMatch)
        : OnMatch(std::move(OnMatch)) {}
    void run(const MatchResult &Result) override { OnMatch(Result); }

  private:
    std::function<void(const MatchResult &)> OnMatch;
  };

  Callback Forward;
  ast_matchers::MatchFinder Finder;
};

} // namespace clang::tidy::session

#endif
