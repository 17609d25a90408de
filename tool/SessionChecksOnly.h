//===--- SessionChecksOnly.h - session-lint runs the session checks -------===//
//
// A project's .clang-tidy is written for clang-tidy. Read as it is, it would
// decide what session-lint runs:
// * `Checks: '-*,bugprone-*'` would switch every session check off, though
//   they are session-lint's whole job: when no configuration source
//   (defaults, .clang-tidy files, --config, --checks) names a session check,
//   `session-*` is added last. A configuration that does name one
//   (`-session-static-storage`) is honoured as written.
// * `Checks: '*'` or `clang-analyzer-*` would switch on the Clang Static
//   Analyzer, which the engine wires in by glob through its consumer
//   factory, not as a module (so registering only our module does not keep
//   it out), and `clang-diagnostic-*` would add compiler warnings: session-lint
//   would cost several times the parse and lead its report with other tools'
//   findings. Both are switched off last, whatever came before; compile
//   errors are still reported. What was ignored is said once
//   (foreignCheckGlobs).
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_SESSIONCHECKSONLY_H
#define SESSION_LINT_TOOL_SESSIONCHECKSONLY_H

#include "ClangTidyOptions.h"

namespace session_lint {

class SessionChecksOnly : public clang::tidy::ClangTidyOptionsProvider {
public:
  explicit SessionChecksOnly(
      std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Inner)
      : Inner(std::move(Inner)) {}

  const clang::tidy::ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner->getGlobalOptions();
  }
  std::vector<OptionsSource> getRawOptions(llvm::StringRef FileName) override;

  /// For each configuration source of \p FileName that enables checks other
  /// than session-* ones: the source's name and those globs, comma-separated.
  std::vector<std::pair<std::string, std::string>>
  foreignCheckGlobs(llvm::StringRef FileName);

private:
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Inner;
};

/// True if a `Checks` value names a session check ("session-…" or
/// "-session-…"), as opposed to only matching them through "*" or "-*".
bool namesSessionCheck(llvm::StringRef Checks);

} // namespace session_lint

#endif
