//===--- PoolMode.cpp - How a pooler in front of the server lends connections

#include "model/PoolMode.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::session {

std::optional<std::string>
readPoolMode(const ClangTidyCheck::OptionsView &Options,
             llvm::StringRef CheckName,
             llvm::function_ref<void(const std::string &)> ReportError) {
  std::string Value =
      Options.getLocalOrGlobal("PoolMode", "session").str();
  std::string Mode = llvm::StringRef(Value).trim().lower();
  if (Mode == "session" || Mode == "transaction" || Mode == "statement")
    return Mode;
  ReportError("invalid value for option 'PoolMode' of check '" +
              CheckName.str() + "': '" + Value +
              "' is not a pool mode; write session, transaction or statement");
  return std::nullopt;
}

} // namespace clang::tidy::session
