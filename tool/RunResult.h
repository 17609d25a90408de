//===--- RunResult.h - What an analysis run found -------------------------===//
//
// The one representation of a run's results that every part of the tool
// shares: a worker process writes it for its translation unit, the batch
// merges the workers' results, the gate filters it (baseline, diff), and the
// output formats (text, JSON, SARIF, HTML) and `session-lint merge` read and
// write it. Diagnostics keep the clang-tidy engine's shape (file offset,
// replacements, notes) so that the engine prints and fixes them; line and
// column are filled in for the formats that need them.
//
// Paths are absolute inside the tool; writers make them relative to the
// source root, readers make them absolute again.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_RUNRESULT_H
#define SESSION_LINT_TOOL_RUNRESULT_H

#include "ClangTidyDiagnosticConsumer.h"
#include "model/BatchFacts.h"
#include <map>
#include <string>
#include <vector>

namespace session_lint {

/// A replacement of Length bytes at Offset by Text.
struct Edit {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
};

/// A highlighted range of a message.
struct ByteRange {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
};

/// A diagnostic's main message or one of its notes.
struct Message {
  std::string File; // absolute; empty for messages without a location
  unsigned Offset = 0;
  unsigned Line = 0;   // 1-based; 0 when unknown
  unsigned Column = 0; // 1-based byte column, as clang prints it
  std::string Text;
  std::vector<Edit> Fix;
  std::vector<ByteRange> Ranges;
};

enum class Severity { Remark, Warning, Error };

/// What a diagnostic means to the gate.
enum class DiagnosticKind {
  Finding,      // a session-* warning (or one made an error)
  Remark,       // audit information (session-pool-budget)
  CompileError, // the translation unit did not compile
  Compiler,     // a compiler warning or note the configuration enabled
};

struct Diagnostic {
  std::string Check;
  Severity Level = Severity::Warning;
  bool WarningAsError = false;
  Message Main;
  std::vector<Message> Notes;
  /// The qualified name of the declaration around the main location, part
  /// of the baseline fingerprint.
  std::string Enclosing;
  /// Stable across unrelated edits; assigned after the run is merged.
  std::string Fingerprint;
  /// Between a worker and its batch only: the roles this finding rests on,
  /// as its unit judged them without seeing every body, and whether the unit
  /// held it back (ClassFacts.h).
  std::vector<clang::tidy::session::RoleDependence> DependsOn;
  bool HeldBack = false;

  DiagnosticKind kind() const;
};

/// A translation unit that could not be analyzed, and why.
struct UnitFailure {
  std::string File;
  std::string Reason;
};

/// Diagnostics the engine did not show.
struct SuppressedCounts {
  unsigned NoLint = 0;
  unsigned NonUserCode = 0;
  unsigned CheckFilter = 0;
  unsigned LineFilter = 0;
  unsigned total() const {
    return NoLint + NonUserCode + CheckFilter + LineFilter;
  }
};

/// A finding in a header that the header filter left out: kept only to be
/// counted, once however many units included the header.
struct LeftOutFinding {
  std::string File;
  unsigned Offset = 0;
  std::string Check;
};

struct RunResult {
  std::vector<Diagnostic> Diagnostics;
  /// Every translation unit's main file (analyzed or failed), sorted.
  std::vector<std::string> Units;
  std::vector<UnitFailure> Failures;
  SuppressedCounts Suppressed;
  /// Findings the baseline accepted; fingerprints of baseline entries that
  /// matched no finding (stale).
  unsigned BaselineMatched = 0;
  std::vector<std::string> StaleBaseline;
  bool BaselineApplied = false;
  /// Findings left out because they are not on changed lines.
  unsigned OutsideDiff = 0;
  bool DiffApplied = false;
  /// Findings in headers --header-filter / --exclude-header-filter (or the
  /// configuration's) left out, sorted, each once.
  std::vector<LeftOutFinding> LeftOutByHeaderFilter;
  /// The files fix-its edit, with a hash of the text they were computed on:
  /// a file changed since is not fixed. Only files outside system headers
  /// are here, and edits elsewhere are dropped by the worker.
  std::map<std::string, std::string> FixTargets;
  /// Between a worker and its batch only: what each unit judged about the
  /// classes that hold sessions (ClassFacts.h).
  std::vector<clang::tidy::session::ClassJudgement> Judgements;

  unsigned findingCount() const;
  unsigned remarkCount() const;
};

/// Sorts everything into the order every output uses (file, offset, check,
/// message) and drops exact duplicates: a header's finding is reported once,
/// whichever units included it.
void normalize(RunResult &Result);

/// Adds \p Other's units, diagnostics and failures to \p Into (normalized).
void mergeInto(RunResult &Into, RunResult Other);

/// The engine's diagnostic in the tool's shape; relative paths resolve
/// against the engine's build directory.
Diagnostic fromEngine(const clang::tidy::ClangTidyError &Error);

/// Back to the engine, to print and fix with its own reporter.
clang::tidy::ClangTidyError toEngine(const Diagnostic &Diag);

/// Fills Line and Column of every message from the files' text.
void fillLineColumns(RunResult &Result);

/// The text of line \p Line (1-based) of \p File, without its newline; empty
/// when the file cannot be read.
std::string lineText(llvm::StringRef File, unsigned Line);

/// The hash FixTargets records for \p Text.
std::string contentHash(llvm::StringRef Text);

/// \p Path relative to \p Root when it lies inside it, otherwise unchanged.
std::string relativeTo(llvm::StringRef Root, llvm::StringRef Path);

/// \p Path made absolute against \p Base, with dots removed.
std::string absoluteFrom(llvm::StringRef Base, llvm::StringRef Path);

} // namespace session_lint

#endif
