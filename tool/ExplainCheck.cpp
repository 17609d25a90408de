//===--- ExplainCheck.cpp - `session-lint explain CHECK` ------------------===//

#include "ExplainCheck.h"
#include "Gate.h"
#include "SarifFormat.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

namespace session_lint {

int explainCheck(llvm::ArrayRef<const char *> Args) {
  if (Args.empty() || llvm::StringRef(Args[0]).starts_with("-")) {
    bool Help = !Args.empty();
    (Help ? llvm::outs() : llvm::errs())
        << "usage: session-lint explain CHECK\n"
           "Prints the check's documentation. The checks:\n";
    for (const RuleDoc &Doc : ruleDocs())
      (Help ? llvm::outs() : llvm::errs())
          << "  " << Doc.Id << "  " << Doc.ShortDescription << "\n";
    return Help ? Clean : UsageError;
  }
  llvm::StringRef Wanted = Args[0];
  // `[session-member-storage]` copied from a finding works too.
  Wanted = Wanted.trim("[]");
  for (const RuleDoc &Doc : ruleDocs())
    if (Wanted == Doc.Id) {
      llvm::outs() << Doc.Markdown;
      return Clean;
    }
  llvm::WithColor::error(llvm::errs(), "session-lint")
      << "no check named '" << Wanted << "'";
  unsigned Best = 4;
  llvm::StringRef Closest;
  for (const RuleDoc &Doc : ruleDocs()) {
    unsigned Distance =
        Wanted.edit_distance(Doc.Id, /*AllowReplacements=*/true, Best);
    if (Distance < Best) {
      Best = Distance;
      Closest = Doc.Id;
    }
  }
  if (!Closest.empty())
    llvm::errs() << "; did you mean '" << Closest << "'?";
  llvm::errs() << " ('session-lint explain' lists the checks)\n";
  return UsageError;
}

} // namespace session_lint
