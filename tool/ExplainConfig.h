//===--- ExplainConfig.h - Which configuration enables each check ---------===//
//
// `--explain-config`, as in clang-tidy: for every enabled check, the last
// configuration source whose `Checks` enables it (a .clang-tidy file,
// --config, --checks, or session-lint's own defaults).
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_EXPLAINCONFIG_H
#define SESSION_LINT_TOOL_EXPLAINCONFIG_H

#include "ClangTidyOptions.h"
#include "llvm/Support/raw_ostream.h"

namespace session_lint {

void explainConfig(clang::tidy::ClangTidyOptionsProvider &Provider,
                   llvm::StringRef File, llvm::ArrayRef<std::string> Enabled,
                   llvm::raw_ostream &OS);

} // namespace session_lint

#endif
