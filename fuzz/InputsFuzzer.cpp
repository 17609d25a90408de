//===--- InputsFuzzer.cpp - The readers of files someone else wrote -------===//
//
// A libFuzzer target for the documents session-lint's parent process reads
// from the analyzed tree or from other jobs (docs/reliability.md, "Untrusted
// inputs"): the JSON results and SARIF files `merge` reads back, a
// `--baseline`, a `.clang-tidy` (the tool's own check of it, then
// clang-tidy's parser) and a `--deployment` file. Each reader recurses once
// per nesting level, so these inputs are long (fuzz/run.sh: -max_len 128 KB):
// long enough for a nesting deep enough to overflow the stack. LLVM's
// parsers are not instrumented, so libFuzzer cannot see how deep they went:
// how deep the input lets a parser descend is handed to it as extra coverage
// (a counter per 16 levels), which makes each deeper input worth keeping.
//
// An input is text; a first line `#results`, `#sarif`, `#baseline`,
// `#clang-tidy` or `#deployment` keeps it to one reader (and is cut off),
// otherwise every reader gets it. What counts as a bug: a crash, a sanitizer
// report, a leak, a hang; and a result that `merge` reads but cannot read
// again once written (a merge of merges would fail).
//
// SESSION_FUZZ_UNGUARDED=1 hands the text to LLVM's JSON and YAML parsers
// without the nesting check in front of them: it shows that the inputs get
// deep enough to have found the stack overflows that check prevents.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "ConfigCheck.h"
#include "Deployment.h"
#include "JsonFormat.h"
#include "SarifFormat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cstdint>
#include <cstdlib>

/// libFuzzer reads this section as coverage besides the compiler's.
__attribute__((section("__libfuzzer_extra_counters"))) static uint8_t
    DepthReached[3 * 4096];

namespace {

constexpr llvm::StringLiteral SourceRoot = "/fuzz";

/// Marks how deep a recursive parser descends into \p Text, 16 levels a
/// counter: the `[` it starts with (JSON and YAML flow sequences nest on
/// them before anything else is read; a `{` wants a key first), the longest
/// run of them anywhere (what a mutation can move to the start), and the
/// deepest indentation (YAML nests by it).
void recordDepth(llvm::StringRef Text) {
  size_t Run = 0, LongestRun = 0, LeadingRun = 0, Indent = 0,
         DeepestIndent = 0;
  bool Leading = true, LineStart = true;
  for (char C : Text) {
    if (C == '[') {
      LongestRun = std::max(LongestRun, ++Run);
      LeadingRun += Leading;
    } else if (C != ' ' && C != '\n') {
      Run = 0;
      Leading = false;
    }
    if (C == '\n') {
      LineStart = true;
      Indent = 0;
    } else if (LineStart && (C == ' ' || C == '-')) {
      DeepestIndent = std::max(DeepestIndent, ++Indent);
    } else {
      LineStart = false;
    }
  }
  constexpr size_t Third = sizeof(DepthReached) / 3;
  DepthReached[std::min(LeadingRun / 16, Third - 1)] = 1;
  DepthReached[Third + std::min(LongestRun / 16, Third - 1)] = 1;
  DepthReached[2 * Third + std::min(DeepestIndent / 16, Third - 1)] = 1;
}

/// A result read back must survive being written and read again.
void expectRereadable(const session_lint::RunResult &Result, bool Sarif) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (Sarif)
    session_lint::writeSarif(Result, SourceRoot, nullptr, OS);
  else
    session_lint::writeJson(Result, SourceRoot, nullptr, OS);
  auto Again = Sarif ? session_lint::readSarif(Text, SourceRoot)
                     : session_lint::readJson(Text, SourceRoot);
  if (!Again) {
    llvm::errs() << "a result read back cannot be read once written: "
                 << llvm::toString(Again.takeError()) << "\n"
                 << Text << "\n";
    std::abort();
  }
}

void fuzzResults(llvm::StringRef Text, bool Sarif) {
  auto Result = Sarif ? session_lint::readSarif(Text, SourceRoot)
                      : session_lint::readJson(Text, SourceRoot);
  if (!Result) {
    llvm::consumeError(Result.takeError());
    return;
  }
  expectRereadable(*Result, Sarif);
}

void fuzzBaseline(llvm::StringRef Text) {
  auto Entries = session_lint::parseBaseline(Text, "fuzz-baseline.json");
  if (!Entries)
    llvm::consumeError(Entries.takeError());
}

void fuzzClangTidyConfig(llvm::StringRef Text) {
  auto Buffer = llvm::MemoryBuffer::getMemBuffer(Text, ".clang-tidy",
                                                 /*RequiresNullTerminator=*/false);
  (void)session_lint::checkConfigText(Buffer->getMemBufferRef());
}

void fuzzDeployment(llvm::StringRef Text) {
  auto D = session_lint::parseDeployment(Text, "fuzz-deployment.yaml",
                                         SourceRoot);
  if (!D)
    llvm::consumeError(D.takeError());
}

/// LLVM's parsers alone, as they were before the nesting check.
void parseUnguarded(llvm::StringRef Text) {
  if (auto Document = llvm::json::parse(Text); !Document)
    llvm::consumeError(Document.takeError());
  llvm::SourceMgr Sources;
  Sources.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::yaml::Stream Yaml(Text, Sources);
  for (llvm::yaml::Document &D : Yaml)
    D.skip();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  static const bool Unguarded = std::getenv("SESSION_FUZZ_UNGUARDED");
  static constexpr llvm::StringLiteral Readers[] = {
      "results", "sarif", "baseline", "clang-tidy", "deployment"};
  llvm::StringRef Only;
  if (Text.starts_with("#")) {
    auto [First, Rest] = Text.split('\n');
    if (llvm::is_contained(Readers, First.drop_front().trim())) {
      Only = First.drop_front().trim();
      Text = Rest;
    }
  }
  recordDepth(Text);
  auto Wanted = [&](llvm::StringRef Reader) {
    return Only.empty() || Only == Reader;
  };
  if (Unguarded) {
    parseUnguarded(Text);
    return 0;
  }
  if (Wanted("results"))
    fuzzResults(Text, /*Sarif=*/false);
  if (Wanted("sarif"))
    fuzzResults(Text, /*Sarif=*/true);
  if (Wanted("baseline"))
    fuzzBaseline(Text);
  if (Wanted("clang-tidy"))
    fuzzClangTidyConfig(Text);
  if (Wanted("deployment"))
    fuzzDeployment(Text);
  return 0;
}
