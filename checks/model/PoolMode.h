//===--- PoolMode.h - How a pooler in front of the server lends connections
//
// The option PoolMode (session-pooler-session-state): PgBouncer's pool_mode
// values, "session" by default — PgBouncer's own default, and what no pooler
// amounts to. Its option group lives here rather than among SessionOptions'
// groups, since only one check reads it.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_POOLMODE_H
#define SESSION_LINT_MODEL_POOLMODE_H

#include "ClangTidyCheck.h"
#include <optional>
#include <string>

namespace clang::tidy::session {

/// The option group of PoolMode, next to SessionOptions.h's OptionGroup.
constexpr unsigned PoolerOptions = 1u << 6;

/// PoolMode as \p Options gives it (local or global), lowercase; nothing
/// after reporting a value that is not session, transaction or statement.
std::optional<std::string>
readPoolMode(const ClangTidyCheck::OptionsView &Options,
             llvm::StringRef CheckName,
             llvm::function_ref<void(const std::string &)> ReportError);

} // namespace clang::tidy::session

#endif
