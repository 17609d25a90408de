//===--- HeaderScope.cpp - Which headers' findings a run reports ----------===//

#include "HeaderScope.h"

namespace session_lint {

HeaderScope::HeaderScope(const clang::tidy::ClangTidyOptions &Effective,
                         std::optional<std::string> CommandLineFilter) {
  std::string Filter = CommandLineFilter
                           ? *CommandLineFilter
                           : Effective.HeaderFilterRegex.value_or("");
  if (CommandLineFilter || !Filter.empty())
    // An empty regular expression would match every name; clang-tidy's
    // empty filter matches none.
    Include = std::make_unique<llvm::Regex>(Filter.empty() ? "$^" : Filter);
  std::string Excluded = Effective.ExcludeHeaderFilterRegex.value_or("");
  if (!Excluded.empty())
    Exclude = std::make_unique<llvm::Regex>(Excluded);
}

bool HeaderScope::shows(llvm::StringRef File) const {
  if (Include && !Include->match(File))
    return false;
  return !(Exclude && Exclude->match(File));
}

std::vector<clang::tidy::ClangTidyOptionsProvider::OptionsSource>
AllHeadersToEngine::getRawOptions(llvm::StringRef FileName) {
  std::vector<OptionsSource> Sources = Inner->getRawOptions(FileName);
  clang::tidy::ClangTidyOptions Everything;
  Everything.HeaderFilterRegex = ".*";
  Everything.ExcludeHeaderFilterRegex = "";
  Sources.emplace_back(std::move(Everything),
                       "session-lint (header scope applied after the engine)");
  return Sources;
}

} // namespace session_lint
