//===--- SessionChecksOnly.cpp - session-lint runs the session checks -----===//

#include "SessionChecksOnly.h"
#include "llvm/ADT/SmallVector.h"

namespace session_lint {
namespace {

llvm::SmallVector<llvm::StringRef, 8> globsOf(llvm::StringRef Checks) {
  llvm::SmallVector<llvm::StringRef, 8> Globs;
  Checks.split(Globs, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef &Glob : Globs)
    Glob = Glob.trim();
  return Globs;
}

// Only the session module is registered, so these are all that a glob can
// enable besides the session checks.
const char OnlySessionChecks[] = "-clang-analyzer-*,-clang-diagnostic-*";

} // namespace

bool namesSessionCheck(llvm::StringRef Checks) {
  return llvm::any_of(globsOf(Checks), [](llvm::StringRef Glob) {
    Glob.consume_front("-");
    return Glob.starts_with("session-");
  });
}

std::vector<clang::tidy::ClangTidyOptionsProvider::OptionsSource>
SessionChecksOnly::getRawOptions(llvm::StringRef FileName) {
  std::vector<OptionsSource> Sources = Inner->getRawOptions(FileName);
  // The first source is the tool's own defaults, which name session-*; only
  // a later `Checks` that never names a session check needs the addition.
  bool LaterChecks = false, Named = false;
  for (const OptionsSource &Source : llvm::ArrayRef(Sources).drop_front()) {
    if (!Source.first.Checks)
      continue;
    LaterChecks = true;
    Named |= namesSessionCheck(*Source.first.Checks);
  }
  if (LaterChecks && !Named) {
    clang::tidy::ClangTidyOptions SessionChecks;
    SessionChecks.Checks = "session-*";
    Sources.emplace_back(std::move(SessionChecks),
                         "session-lint (no configuration names a session check)");
  }
  clang::tidy::ClangTidyOptions Only;
  Only.Checks = OnlySessionChecks;
  Sources.emplace_back(std::move(Only), "session-lint (session-* checks only)");
  return Sources;
}

std::vector<std::pair<std::string, std::string>>
SessionChecksOnly::foreignCheckGlobs(llvm::StringRef FileName) {
  std::vector<std::pair<std::string, std::string>> Foreign;
  for (const OptionsSource &Source : Inner->getRawOptions(FileName)) {
    if (!Source.first.Checks)
      continue;
    std::string Globs;
    for (llvm::StringRef Glob : globsOf(*Source.first.Checks)) {
      if (Glob.starts_with("-") || Glob.starts_with("session-"))
        continue;
      Globs += (Globs.empty() ? "" : ",") + Glob.str();
    }
    if (!Globs.empty())
      Foreign.emplace_back(Source.second, std::move(Globs));
  }
  return Foreign;
}

} // namespace session_lint
