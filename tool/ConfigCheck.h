//===--- ConfigCheck.h - Fail loudly on a misspelled check or option ------===//
//
// clang-tidy ignores a check glob that matches nothing and an option key no
// check reads. In a CI gate that silently turns a rule off, so session-lint
// refuses both for its own namespace: a `--checks` entry naming a session-*
// check that does not exist, a `session-<check>.<Option>` key that check does
// not read, and a global key one typo away from a session option, are
// configuration errors (exit code 2) with the closest valid spelling. Values
// of options that no enabled check reads are validated here too.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_CONFIGCHECK_H
#define SESSION_LINT_TOOL_CONFIGCHECK_H

#include "ClangTidyOptions.h"
#include "llvm/Support/MemoryBufferRef.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>

namespace session_lint {

/// Reports every problem of \p Options to \p OS; returns true if any.
/// \p Enabled are the checks these options enable: the values of options none
/// of them reads are validated here, since no check will.
bool reportConfigProblems(const clang::tidy::ClangTidyOptions &Options,
                          llvm::ArrayRef<std::string> Enabled,
                          llvm::raw_ostream &OS);

/// The option values every check of \p Enabled reads, validated as the
/// check would when it is created (each error once): --verify-config needs
/// them without running a check. Returns true if any is invalid.
bool reportCheckOptionValues(const clang::tidy::ClangTidyOptions &Options,
                             llvm::ArrayRef<std::string> Enabled,
                             llvm::raw_ostream &OS);

/// What is wrong with the text of a `.clang-tidy`: refused before parsing
/// (nested too deep, too many keys), or what clang-tidy's parser said.
struct ConfigTextProblem {
  bool Refused;
  std::string Text;
};
std::optional<ConfigTextProblem> checkConfigText(llvm::MemoryBufferRef Text);

/// clang-tidy skips a `.clang-tidy` it cannot parse, with a message, and
/// goes on without it; a gate must not. Reports every broken `.clang-tidy`
/// in the folders of \p Files and above them; returns true if any.
bool reportBrokenConfigFiles(llvm::ArrayRef<std::string> Files,
                             llvm::raw_ostream &OS);

} // namespace session_lint

#endif
