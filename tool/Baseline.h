//===--- Baseline.h - Accepting the findings a codebase already has -------===//
//
// A gate introduced into a codebase with findings fails every build until
// they are all fixed, so it is switched off. `--write-baseline FILE` records
// today's findings; `--baseline FILE` accepts them and fails only on new
// ones.
//
// A finding is recognised by its check, its file, and a fingerprint: a hash
// of the check, the file (relative to the source root), the qualified name
// of the declaration around it, the text of its line with whitespace
// removed, and its rank among findings that share all of these. Edits above
// it move its line but change none of that; editing the line itself, or
// moving it into another function, makes it a new finding. Entries nothing
// matched any more are stale: the summary counts them, and
// --write-baseline drops them.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_BASELINE_H
#define SESSION_LINT_TOOL_BASELINE_H

#include "RunResult.h"
#include "llvm/Support/Error.h"

namespace session_lint {

struct BaselineEntry {
  std::string Check;
  std::string File; // relative to the source root
  std::string Fingerprint;
  std::string Message; // for the people reading the file
};

/// Gives every diagnostic its fingerprint (Result must be normalized).
void assignFingerprints(RunResult &Result, llvm::StringRef SourceRoot);

/// Writes the findings of \p Result as a baseline, atomically.
llvm::Error writeBaseline(const RunResult &Result, llvm::StringRef SourceRoot,
                          llvm::StringRef Path);

llvm::Expected<std::vector<BaselineEntry>> readBaseline(llvm::StringRef Path);

/// The baseline in \p Text; \p Path names it in errors.
llvm::Expected<std::vector<BaselineEntry>> parseBaseline(llvm::StringRef Text,
                                                         llvm::StringRef Path);

/// Removes the findings the baseline accepts; counts them and records the
/// stale entries.
void applyBaseline(RunResult &Result, llvm::ArrayRef<BaselineEntry> Baseline,
                   llvm::StringRef SourceRoot);

/// Writes \p Text to \p Path through a temporary file and a rename, so that
/// readers never see half a file and a failure leaves the old one.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text);

} // namespace session_lint

#endif
