//===--- HtmlReport.cpp - The audit report a person reads -----------------===//

#include "HtmlReport.h"
#include "deployment/BudgetText.h"
#include "InputFiles.h"
#include "Baseline.h"
#include "SarifFormat.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "SourceRootFiles.h"
#include "llvm/Support/Path.h"
#include "llvm/Config/llvm-config.h"
#include <chrono>
#include <ctime>
#include <map>

namespace session_lint {
namespace {

const char Style[] = R"css(
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #1d1d1f; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; } td, th { padding: .25em .8em; text-align: left; }
.chart td.bar { width: 30em; } .bar div { background: #c0392b; height: 1em; min-width: 2px; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.finding { border: 1px solid #ddd; border-radius: 6px; margin: 1em 0; padding: .6em 1em; }
.finding .where { font-family: monospace; color: #555; }
.check { font-family: monospace; background: #f3e5e3; padding: 0 .4em; border-radius: 3px; }
pre { background: #f7f7f7; padding: .5em; overflow-x: auto; margin: .5em 0; }
pre .hit { background: #fde2e0; display: inline-block; width: 100%; }
.note { color: #555; margin-left: 1em; } .verdict-over, .verdict-unproven { color: #c0392b; font-weight: bold; }
.verdict-fits { color: #1e7e34; font-weight: bold; } .failure { color: #c0392b; }
)css";

const char Script[] = R"js(
function filterFindings() {
  var check = document.getElementById('check-filter').value;
  var shown = 0;
  document.querySelectorAll('.finding').forEach(function (f) {
    var visible = !check || f.dataset.check === check;
    f.style.display = visible ? '' : 'none';
    if (visible) shown++;
  });
  document.getElementById('shown-count').textContent = shown;
}
// report.html?check=ID opens the page filtered, as a link can share it.
window.addEventListener('DOMContentLoaded', function () {
  var check = new URLSearchParams(location.search).get('check');
  if (check) {
    document.getElementById('check-filter').value = check;
    filterFindings();
  }
});
)js";

/// Unicode bidirectional controls (Trojan Source, CVE-2021-42574) make code
/// display otherwise than it compiles: U+061C, U+200E, U+200F, U+202A-U+202E,
/// U+2066-U+2069. The code point they are at \p Text's start, or 0.
unsigned bidiControlAt(llvm::StringRef Text) {
  auto Byte = [&](size_t I) { return static_cast<unsigned char>(Text[I]); };
  if (Text.size() >= 2 && Byte(0) == 0xD8 && Byte(1) == 0x9C)
    return 0x061C;
  if (Text.size() < 3 || Byte(0) != 0xE2)
    return 0;
  unsigned CodePoint = 0x2000 | ((Byte(1) & 0x3F) << 6) | (Byte(2) & 0x3F);
  bool Control = (Byte(1) == 0x80 && (CodePoint == 0x200E ||
                                      CodePoint == 0x200F ||
                                      (CodePoint >= 0x202A &&
                                       CodePoint <= 0x202E))) ||
                 (Byte(1) == 0x81 && CodePoint >= 0x2066 &&
                  CodePoint <= 0x2069);
  return Control ? CodePoint : 0;
}

/// How many bidirectional controls escape() has made visible (the page
/// warns about them); reset for each page.
unsigned BidiControlsShown = 0;

/// Text for HTML (element content or a quoted attribute): markup characters
/// escaped, bidirectional controls shown as ⟨U+202E⟩ instead of obeyed.
std::string escape(llvm::StringRef Text) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (unsigned CodePoint = bidiControlAt(Text.substr(I))) {
      Out += llvm::formatv("\u27E8U+{0:X-4}\u27E9", CodePoint).str();
      I += CodePoint == 0x061C ? 1 : 2;
      ++BidiControlsShown;
      continue;
    }
    switch (char C = Text[I]) {
    case '&': Out += "&amp;"; break;
    case '<': Out += "&lt;"; break;
    case '>': Out += "&gt;"; break;
    case '"': Out += "&quot;"; break;
    default: Out += C;
    }
  }
  return Out;
}

class Page {
public:
  Page(const RunResult &Result, llvm::StringRef Root, const Budget *B,
       const ReportRun &Run)
      : Result(Result), Root(Root), B(B), Run(Run) {
    for (const Diagnostic &D : Result.Diagnostics)
      if (D.kind() == DiagnosticKind::Finding)
        Findings.push_back(&D);
  }

  std::string render() {
    BidiControlsShown = 0;
    std::string Body;
    llvm::raw_string_ostream BodyOS(Body);
    counts(BodyOS);
    budget(BodyOS);
    failures(BodyOS);
    findings(BodyOS);

    std::string Html;
    llvm::raw_string_ostream OS(Html);
    OS << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       << "<title>session-lint report</title><style>" << Style
       << "</style><script>" << Script << "</script></head><body>\n"
       << "<h1>session-lint report</h1>\n<p>"
       << "<span id=\"total-findings\">" << Findings.size()
       << "</span> findings in <span id=\"total-units\">"
       << Result.Units.size() << "</span> translation units; "
       << "<span id=\"failed-units\">" << Result.Failures.size()
       << "</span> could not be analyzed";
    if (Result.BaselineApplied)
      OS << "; <span id=\"baseline-matched\">" << Result.BaselineMatched
         << "</span> accepted by the baseline";
    OS << ".</p>\n";
    metadata(OS);
    leftOut(OS);
    if (BidiControlsShown)
      OS << "<p class=\"failure\" id=\"bidi-warning\">warning: "
         << BidiControlsShown
         << " Unicode bidirectional control character"
         << (BidiControlsShown == 1 ? "" : "s")
         << " in the code or the file names shown here (Trojan Source: "
            "text that displays otherwise than it compiles); each is shown "
            "as \u27E8U+XXXX\u27E9</p>\n";
    OS << Body << "</body></html>\n";
    return Html;
  }

private:
  void metadata(llvm::raw_ostream &OS) {
    auto Now = std::chrono::system_clock::to_time_t(
        std::chrono::system_clock::now());
    char Date[32];
    std::strftime(Date, sizeof Date, "%Y-%m-%d %H:%M:%S UTC",
                  std::gmtime(&Now));
    OS << "<table id=\"run\">"
       << "<tr><th>date</th><td id=\"run-date\">" << Date << "</td></tr>"
       << "<tr><th>versions</th><td id=\"run-versions\">session-lint "
       << SESSION_LINT_VERSION << ", LLVM " << LLVM_VERSION_STRING
       << "</td></tr>"
       << "<tr><th>command</th><td><code id=\"run-command\">"
       << escape(Run.Command.empty() ? "-" : Run.Command)
       << "</code></td></tr>"
       << "<tr><th>source root</th><td>" << escape(Root) << "</td></tr>"
       << "<tr><th>baseline</th><td id=\"run-baseline\">"
       << (Run.Baseline.empty() ? "none" : escape(Run.Baseline)) << "</td></tr>"
       << "<tr><th>diff</th><td id=\"run-diff\">"
       << (Run.Diff.empty() ? "none"
                            : "only lines changed since " + escape(Run.Diff))
       << "</td></tr></table>\n";
  }

  /// Findings the page does not show, and why: a reader who sees 3 must
  /// know whether the code base has 3.
  void leftOut(llvm::raw_ostream &OS) {
    unsigned Headers = Result.LeftOutByHeaderFilter.size();
    unsigned Baselined = Result.BaselineMatched;
    unsigned Outside = Result.OutsideDiff;
    unsigned Suppressed = Result.Suppressed.NoLint;
    unsigned Total = Headers + Baselined + Outside + Suppressed;
    OS << "<p id=\"left-out\"><span id=\"left-out-count\">" << Total
       << "</span> findings left out: " << Headers
       << " in headers the header filter excludes, " << Baselined
       << " accepted by the baseline, " << Outside
       << " not on changed lines, " << Suppressed << " silenced by NOLINT</p>\n";
  }

  void chart(llvm::raw_ostream &OS, llvm::StringRef Id, llvm::StringRef Title,
             const std::map<std::string, unsigned> &Counts, bool Code) {
    OS << "<h2>" << Title << "</h2>\n";
    if (Counts.empty()) {
      OS << "<p class=\"none\" id=\"" << Id << "\">none</p>\n";
      return;
    }
    OS << "<table class=\"chart\" id=\"" << Id << "\">\n";
    unsigned Max = 1;
    for (const auto &Entry : Counts)
      Max = std::max(Max, Entry.second);
    for (const auto &[Name, Count] : Counts)
      OS << "<tr data-name=\"" << escape(Name) << "\" data-count=\"" << Count
         << "\"><td>" << (Code ? "<span class=\"check\">" : "")
         << escape(Name) << (Code ? "</span>" : "")
         << "</td><td class=\"num\">" << Count
         << "</td><td class=\"bar\"><div style=\"width:"
         << llvm::formatv("{0:F1}", 100.0 * Count / Max)
         << "%\"></div></td></tr>\n";
    OS << "</table>\n";
  }

  void counts(llvm::raw_ostream &OS) {
    std::map<std::string, unsigned> ByCheck, ByFolder;
    for (const Diagnostic *D : Findings) {
      ++ByCheck[D->Check];
      std::string Folder =
          llvm::sys::path::parent_path(relativeTo(Root, D->Main.File)).str();
      ++ByFolder[Folder.empty() ? "." : Folder];
    }
    chart(OS, "by-check", "Findings per check", ByCheck, true);
    chart(OS, "by-folder", "Findings per folder", ByFolder, false);
  }

  void budget(llvm::raw_ostream &OS) {
    if (!B)
      return;
    OS << "<h2>Connection budget</h2>\n<p>max_connections "
       << B->MaxConnections << ", reserved " << B->Reserved << ", available "
       << B->available() << "</p>\n";
    if (!B->MaxConnectionsFrom.empty())
      OS << "<p id=\"max-connections-from\">max_connections from "
         << escape(B->MaxConnectionsFrom) << "</p>\n";
    OS << "<table id=\"budget\"><tr><th>component</th>"
       << "<th class=\"num\">replicas</th><th class=\"num\">processes per "
          "replica</th>"
       << "<th class=\"num\">processes</th><th class=\"num\">connections per "
          "process</th><th class=\"num\">total</th><th>workers per "
          "process</th><th>counted from</th></tr>\n";
    for (const BudgetRow &Row : B->Rows) {
      OS << "<tr><td>" << escape(Row.Name) << "</td><td class=\"num\">";
      if (Row.Replicas) {
        OS << *Row.Replicas;
        if (Row.ReplicasNow)
          OS << " (now " << *Row.ReplicasNow << ")";
        OS << "</td><td class=\"num\">" << Row.PerReplica;
      } else {
        OS << "</td><td class=\"num\">";
      }
      OS << "</td><td class=\"num\">" << Row.Processes;
      if (Row.ProcessesNow)
        OS << " (now " << *Row.ProcessesNow << ")";
      OS << "</td><td class=\"num\">" << Row.PerProcess
         << "</td><td class=\"num\">" << Row.total() << "</td><td>";
      if (std::optional<int64_t> Workers = Row.workers())
        OS << *Workers;
      OS << "</td><td>" << escape(Row.CountedFrom) << "</td></tr>\n";
    }
    OS << "<tr><th>total</th><th></th><th></th><th class=\"num\">"
       << B->processes()
       << "</th><th></th><th class=\"num\" id=\"budget-total\">" << B->total()
       << "</th><th></th><th></th></tr></table>\n";
    if (B->autoscales())
      OS << "<p id=\"budget-autoscaling\">autoscaling: " << B->totalNow()
         << " connections at the replicas configured now, " << B->total()
         << " at the most replicas the autoscalers allow</p>\n";
    for (const BudgetRow &Row : B->Rows)
      if (std::string Said = concurrencyVerdict(Row); !Said.empty())
        OS << "<p class=\"concurrency\">concurrency: " << escape(Said)
           << "</p>\n";
    if (B->Pool) {
      OS << "<h3>PgBouncer (" << escape(B->Pool->From) << "), pool_mode "
         << escape(B->Pool->Mode) << "</h3>\n<table id=\"pooler\">"
         << "<tr><th>side</th><th class=\"num\">connections</th>"
            "<th class=\"num\">limit</th><th>verdict</th></tr>\n";
      auto Side = [&](llvm::StringRef Name, int64_t Used, int64_t Limit,
                      Budget::Verdict V, const std::string &Text) {
        OS << "<tr id=\"pooler-" << Name << "\"><td>" << Name
           << "</td><td class=\"num\">" << Used << "</td><td class=\"num\">"
           << Limit << "</td><td><span class=\"verdict-" << verdictName(V)
           << "\" title=\"" << escape(Text) << "\">" << verdictName(V)
           << "</span></td></tr>\n";
      };
      Side("client", B->total(), B->Pool->clientCapacity(), B->clientVerdict(),
           clientSide(*B));
      Side("server", B->Pool->serverConnections(), B->available(),
           B->serverVerdict(), serverSide(*B));
      OS << "</table>\n";
    }
    llvm::StringRef Verdict = verdictName(B->verdict());
    OS << "<p>verdict: <span id=\"budget-verdict\" class=\"verdict-" << Verdict
       << "\">" << Verdict << "</span></p>\n<p id=\"budget-sentence\" "
       << "class=\"verdict-" << Verdict << "\">" << escape(verdictSentence(*B))
       << "</p>\n";
    OS << "<h3>Pools that make the total</h3>\n";
    bool AnyPool = llvm::any_of(B->Rows, [](const BudgetRow &Row) {
      return !Row.Pools.empty();
    });
    if (!AnyPool)
      OS << "<p class=\"none\" id=\"budget-pools\">none</p>\n";
    else {
      OS << "<table id=\"budget-pools\"><tr><th>component</th><th>pool</th>"
            "<th class=\"num\">capacity</th></tr>\n";
      for (const BudgetRow &Row : B->Rows)
        for (const PoolFinding &Pool : Row.Pools)
          OS << "<tr><td>" << escape(Row.Name) << "</td><td class=\"where\">"
             << escape(relativeTo(Root, Pool.File)) << ":" << Pool.Line
             << "</td><td class=\"num\">"
             << (Pool.Capacity ? std::to_string(*Pool.Capacity) : "unknown")
             << "</td></tr>\n";
      OS << "</table>\n";
    }
    for (const std::string &Note : B->Notes)
      OS << "<p class=\"note\">note: " << escape(Note) << "</p>\n";
    for (const PoolFinding &Pool : B->UnknownCapacity)
      OS << "<p class=\"failure\">unknown capacity: "
         << escape(relativeTo(Root, Pool.File)) << ":" << Pool.Line << "</p>\n";
    if (!B->OutsidePools.empty()) {
      OS << "<p>unproven: " << escape(B->unprovenBecause())
         << "; opened outside any pool (not in the total):</p>\n"
            "<ul id=\"outside-pools\">\n";
      for (const SessionOutsidePool &S : B->OutsidePools)
        OS << "<li class=\"failure\">" << escape(relativeTo(Root, S.File))
           << ":" << S.Line << ": [" << escape(S.Check) << "] "
           << escape(S.Text) << "</li>\n";
      OS << "</ul>\n";
    }
  }

  void failures(llvm::raw_ostream &OS) {
    OS << "<h2>Not analyzed</h2>\n";
    if (Result.Failures.empty()) {
      OS << "<p class=\"none\" id=\"failures\">none</p>\n";
      return;
    }
    OS << "<ul id=\"failures\">\n";
    for (const UnitFailure &F : Result.Failures)
      OS << "<li class=\"failure\"><span class=\"where\">"
         << escape(relativeTo(Root, F.File)) << "</span>: "
         << escape(F.Reason) << "</li>\n";
    OS << "</ul>\n";
  }

  /// Code is shown only from files under the source root: the result may
  /// come from `merge`, whose inputs can name any file (SourceRootFiles.h).
  std::string snippet(const Message &M) {
    if (!isUnderSourceRoot(Root, M.File))
      return "";
    auto Buffer = readRegularFile(M.File, DataSizeLimit);
    if (!Buffer) {
      llvm::consumeError(Buffer.takeError());
      return "";
    }
    if (!M.Line)
      return "";
    llvm::SmallVector<llvm::StringRef> Lines;
    (*Buffer)->getBuffer().split(Lines, '\n');
    unsigned First = M.Line > 2 ? M.Line - 2 : 1;
    unsigned Last = std::min<unsigned>(M.Line + 2, Lines.size());
    std::string Out = "<pre>";
    for (unsigned L = First; L <= Last; ++L) {
      std::string Line = llvm::formatv("{0,5}  {1}", L,
                                       Lines[L - 1].rtrim("\r")).str();
      Out += L == M.Line ? "<span class=\"hit\">" + escape(Line) + "</span>\n"
                         : escape(Line) + "\n";
    }
    return Out + "</pre>";
  }

  std::string where(const Message &M) {
    return escape(relativeTo(Root, M.File)) + ":" + std::to_string(M.Line) +
           ":" + std::to_string(M.Column);
  }

  void findings(llvm::raw_ostream &OS) {
    OS << "<h2>Findings</h2>\n<p><label>Check: <select id=\"check-filter\" "
          "onchange=\"filterFindings()\"><option value=\"\">all</option>";
    std::vector<std::string> Checks;
    for (const Diagnostic *D : Findings)
      if (!llvm::is_contained(Checks, D->Check))
        Checks.push_back(D->Check);
    llvm::sort(Checks);
    for (const std::string &Check : Checks)
      OS << "<option>" << escape(Check) << "</option>";
    OS << "</select></label> showing <span id=\"shown-count\">"
       << Findings.size() << "</span></p>\n";
    if (Findings.empty())
      OS << "<p class=\"none\" id=\"no-findings\">none</p>\n";
    unsigned Index = 0;
    for (const Diagnostic *D : Findings) {
      ++Index;
      OS << "<div class=\"finding\" id=\"finding-" << Index
         << "\" data-check=\"" << escape(D->Check) << "\">"
         << "<div><a class=\"where\" href=\"#finding-" << Index << "\">"
         << where(D->Main) << "</a> <span class=\"check\">" << escape(D->Check)
         << "</span> <a href=\"" << escape(docsUrl(D->Check))
         << "\">docs</a></div><div class=\"message\">"
         << escape(D->Main.Text) << "</div>" << snippet(D->Main);
      for (const Message &Note : D->Notes)
        OS << "<div class=\"note\">note: "
           << (Note.File.empty() ? "" : "<span class=\"where\">" +
                                            where(Note) + "</span> ")
           << escape(Note.Text) << "</div>";
      OS << "</div>\n";
    }
  }

  const RunResult &Result;
  llvm::StringRef Root;
  const Budget *B;
  const ReportRun &Run;
  std::vector<const Diagnostic *> Findings;
};

} // namespace

llvm::Error writeHtmlReport(const RunResult &Result, llvm::StringRef SourceRoot,
                            const Budget *Budget, llvm::StringRef Directory,
                            const ReportRun &Run) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
    return llvm::createStringError(EC, "cannot create report folder '" +
                                           Directory + "': " + EC.message());
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, "index.html");
  return writeFileAtomically(Path, Page(Result, SourceRoot, Budget, Run).render());
}

} // namespace session_lint
