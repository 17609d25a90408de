//===--- ExplainConfig.cpp - Which configuration enables each check -------===//

#include "ExplainConfig.h"
#include "GlobList.h"

namespace session_lint {

void explainConfig(clang::tidy::ClangTidyOptionsProvider &Provider,
                   llvm::StringRef File, llvm::ArrayRef<std::string> Enabled,
                   llvm::raw_ostream &OS) {
  auto Sources = Provider.getRawOptions(File);
  for (const std::string &Check : Enabled)
    for (const auto &[Options, Source] : llvm::reverse(Sources)) {
      if (Options.Checks && clang::tidy::GlobList(*Options.Checks).contains(Check)) {
        OS << "'" << Check << "' is enabled in the " << Source << ".\n";
        break;
      }
    }
}

} // namespace session_lint
