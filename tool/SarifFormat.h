//===--- SarifFormat.h - SARIF 2.1.0 output, and reading it back ----------===//
//
// `--format=sarif` writes one run for code-scanning services (GitHub code
// scanning, Azure DevOps, IDE viewers): the driver lists every session-*
// rule with descriptions and help compiled in from docs/checks, results
// carry physical locations relative to %SRCROOT% (the source root), notes as
// related locations, fix-its as fixes, and a partial fingerprint (the
// baseline's) that stays put when unrelated lines move.
//
// What SARIF has no place for — the pool audit's remarks, the units
// analyzed, suppression counts, the budget — travels in the run's property
// bag as session-lint's JSON document without its findings, so that
// `session-lint merge` can read shard SARIF files back without loss.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_SARIFFORMAT_H
#define SESSION_LINT_TOOL_SARIFFORMAT_H

#include "Deployment.h"
#include "RunResult.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace session_lint {

void writeSarif(const RunResult &Result, llvm::StringRef SourceRoot,
                const Budget *Budget, llvm::raw_ostream &OS);

llvm::Expected<RunResult> readSarif(llvm::StringRef Text,
                                    llvm::StringRef SourceRoot);

/// What the tool knows of a check from its doc page.
struct RuleDoc {
  const char *Id;
  const char *Rule;
  const char *ShortDescription;
  const char *FullDescription;
  const char *Markdown;
};

llvm::ArrayRef<RuleDoc> ruleDocs();

/// Where a check's doc page is published.
std::string docsUrl(llvm::StringRef Check);

} // namespace session_lint

#endif
