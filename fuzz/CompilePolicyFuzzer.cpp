//===--- CompilePolicyFuzzer.cpp - The compile-flag policy, fuzzed --------===//
//
// Feeds tool/CompilePolicy.h command lines: the input, one argument a line
// (the compiler first). The policy must not crash, hang or leak on any of
// them, and what it keeps must pass it again untouched: a second pass over
// its output drops nothing (so nothing it lets through is anything it would
// drop: no probe, configuration file, plugin or output). Response files are
// read from disk as the policy reads them (a fuzzed `@/dev/zero` or
// `@/proc/self/fd/0` is fine: only regular files are read).
//
//===----------------------------------------------------------------------===//

#include "CompilePolicy.h"
#include "llvm/ADT/StringRef.h"
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::vector<std::string> Args;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Args.push_back(Line.str());
    Text = Rest;
  }
  if (Args.empty())
    return 0;
  session_lint::PolicyOutcome First =
      session_lint::applyCompilePolicy(Args, "/nonexistent");
  session_lint::PolicyOutcome Second =
      session_lint::applyCompilePolicy(First.CommandLine, "/nonexistent");
  if (!Second.Dropped.empty()) {
    std::fprintf(stderr, "the policy kept what it drops on a second pass:\n%s\n",
                 session_lint::describeDropped("input", Second.Dropped).c_str());
    std::abort();
  }
  return 0;
}
