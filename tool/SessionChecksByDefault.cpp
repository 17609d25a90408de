//===--- SessionChecksByDefault.cpp - session-* unless the config says ----===//

#include "SessionChecksByDefault.h"
#include "llvm/ADT/SmallVector.h"

namespace session_lint {

bool namesSessionCheck(llvm::StringRef Checks) {
  llvm::SmallVector<llvm::StringRef, 8> Globs;
  Checks.split(Globs, ',');
  return llvm::any_of(Globs, [](llvm::StringRef Glob) {
    Glob = Glob.trim();
    Glob.consume_front("-");
    return Glob.starts_with("session-");
  });
}

std::vector<clang::tidy::ClangTidyOptionsProvider::OptionsSource>
SessionChecksByDefault::getRawOptions(llvm::StringRef FileName) {
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
  return Sources;
}

} // namespace session_lint
