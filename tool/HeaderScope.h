//===--- HeaderScope.h - Which headers' findings a run reports ------------===//
//
// C++ classes live in headers, so a tool that reports only in main files
// reports almost nothing on a real code base. clang-tidy shows a header's
// diagnostics only where HeaderFilterRegex matches it, and matches none by
// default; session-lint reports every header that is not a system header by
// default, and --header-filter / --exclude-header-filter (or
// HeaderFilterRegex / ExcludeHeaderFilterRegex in .clang-tidy) narrow that.
// An empty HeaderFilterRegex in .clang-tidy is what `clang-tidy
// --dump-config` writes for "unset", so it counts as unset; an empty
// --header-filter on the command line means "main files only", as in
// clang-tidy.
//
// The engine is told to show every non-system header (its system-header
// rule stays its own), and the narrowing is applied to its output here, so
// that what was left out can be counted once per finding rather than once
// per unit that included the header.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_HEADERSCOPE_H
#define SESSION_LINT_TOOL_HEADERSCOPE_H

#include "ClangTidyOptions.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>

namespace session_lint {

class HeaderScope {
public:
  /// The scope for a unit whose main file has the options \p Effective;
  /// \p CommandLineFilter is --header-filter when it was given.
  HeaderScope(const clang::tidy::ClangTidyOptions &Effective,
              std::optional<std::string> CommandLineFilter);

  /// Whether a diagnostic in \p File (named as the engine names it) is
  /// reported. Main files are always reported; callers ask about headers.
  bool shows(llvm::StringRef File) const;

private:
  std::unique_ptr<llvm::Regex> Include; // null: every header
  std::unique_ptr<llvm::Regex> Exclude; // null: none
};

/// Wraps a provider so that the engine shows every header's diagnostics
/// (HeaderScope narrows them afterwards).
class AllHeadersToEngine : public clang::tidy::ClangTidyOptionsProvider {
public:
  explicit AllHeadersToEngine(
      std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Inner)
      : Inner(std::move(Inner)) {}

  const clang::tidy::ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner->getGlobalOptions();
  }
  std::vector<OptionsSource> getRawOptions(llvm::StringRef FileName) override;

private:
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Inner;
};

} // namespace session_lint

#endif
