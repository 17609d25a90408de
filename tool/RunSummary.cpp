//===--- RunSummary.cpp - The line that closes every run ------------------===//

#include "RunSummary.h"
#include "llvm/ADT/StringSet.h"
#include <map>

namespace session_lint {
namespace {

std::string plural(unsigned Count, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(Count) + " " + (Count == 1 ? One : Many).str();
}

} // namespace

void printClosingSummary(const RunResult &Result, llvm::raw_ostream &OS) {
  std::map<std::string, unsigned> PerCheck; // sorted by check
  llvm::StringSet<> Files;
  for (const Diagnostic &D : Result.Diagnostics) {
    if (D.kind() != DiagnosticKind::Finding)
      continue;
    ++PerCheck[D.Check];
    Files.insert(D.Main.File);
  }
  unsigned Findings = Result.findingCount();
  OS << "session-lint: ";
  if (Findings) {
    OS << plural(Findings, "finding", "findings") << " in "
       << plural(Files.size(), "file", "files") << " (";
    bool First = true;
    for (const auto &[Check, Count] : PerCheck) {
      OS << (First ? "" : ", ") << Check << ": " << Count;
      First = false;
    }
    OS << ")";
  } else {
    OS << "no findings";
  }
  unsigned Failed = Result.Failures.size();
  OS << "; " << Result.Units.size() - Failed << " of "
     << plural(Result.Units.size(), "translation unit", "translation units")
     << " analyzed";
  const SuppressedCounts &S = Result.Suppressed;
  OS << "; " << S.total() << " suppressed";
  if (S.total())
    OS << " (" << S.NoLint << " NOLINT, " << S.NonUserCode
       << " in non-user code, " << S.CheckFilter << " by check filters, "
       << S.LineFilter << " by the line filter)";
  if (Result.BaselineApplied)
    OS << "; " << Result.BaselineMatched << " accepted by the baseline";
  if (Result.DiffApplied)
    OS << "; " << Result.OutsideDiff << " not on changed lines";
  if (!Result.LeftOutByHeaderFilter.empty())
    OS << "; " << Result.LeftOutByHeaderFilter.size()
       << " left out by the header filter";
  OS << "\n";
}

} // namespace session_lint
