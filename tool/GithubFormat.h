//===--- GithubFormat.h - Findings as GitHub Actions annotations ----------===//
//
// `--format=github`: one workflow command per finding
// (`::warning file=src/a.cpp,line=3,col=5,title=session-member-storage::…`),
// which GitHub Actions shows on the pull request's diff and in the job's
// summary without any upload or permission. Findings made errors, compile
// errors and units that could not be analyzed are `::error`; the pool audit
// remarks are `::notice`. Paths are relative to the source root, as the
// repository's checkout has them.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_GITHUBFORMAT_H
#define SESSION_LINT_TOOL_GITHUBFORMAT_H

#include "RunResult.h"
#include "llvm/Support/raw_ostream.h"

namespace session_lint {

void writeGithubAnnotations(const RunResult &Result, llvm::StringRef Root,
                            llvm::raw_ostream &OS);

/// GitHub's escaping of a workflow command's message (\p Property false)
/// or of a property value (\p Property true).
std::string escapeWorkflowCommand(llvm::StringRef Text, bool Property);

} // namespace session_lint

#endif
