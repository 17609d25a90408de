//===--- SessionChecksByDefault.h - session-* unless the config says ------===//
//
// A project's .clang-tidy is written for clang-tidy: `Checks: '-*,bugprone-*'`
// would switch every session check off in session-lint, whose whole job is
// those checks. This provider wraps clang-tidy's own: when no configuration
// source (defaults, .clang-tidy files, --config, --checks) names a session
// check, it adds `session-*` last. A configuration that does name one
// (`-session-static-storage`) is honoured as written.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_SESSIONCHECKSBYDEFAULT_H
#define SESSION_LINT_TOOL_SESSIONCHECKSBYDEFAULT_H

#include "ClangTidyOptions.h"

namespace session_lint {

class SessionChecksByDefault : public clang::tidy::ClangTidyOptionsProvider {
public:
  explicit SessionChecksByDefault(
      std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Inner)
      : Inner(std::move(Inner)) {}

  const clang::tidy::ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner->getGlobalOptions();
  }
  std::vector<OptionsSource> getRawOptions(llvm::StringRef FileName) override;

private:
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Inner;
};

/// True if a `Checks` value names a session check ("session-…" or
/// "-session-…"), as opposed to only matching them through "*" or "-*".
bool namesSessionCheck(llvm::StringRef Checks);

} // namespace session_lint

#endif
