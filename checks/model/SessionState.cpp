//===--- SessionState.cpp - What a statement leaves on its server connection

#include "model/SessionState.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::session {
namespace {

bool isWordChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// The next word of \p Text (letters, digits, '_', '.', quotes kept), and
/// \p Text after it.
llvm::StringRef nextWord(llvm::StringRef &Text) {
  Text = Text.ltrim();
  size_t End = 0;
  while (End < Text.size() &&
         (isWordChar(Text[End]) || Text[End] == '.' || Text[End] == '"'))
    ++End;
  llvm::StringRef Word = Text.take_front(End);
  Text = Text.drop_front(End);
  return Word;
}

/// Where function \p Name is called in lowercase \p Lower, as a whole word.
bool calls(llvm::StringRef Lower, llvm::StringRef Name, size_t &At) {
  for (size_t From = 0;
       (At = Lower.find(Name, From)) != llvm::StringRef::npos;
       From = At + 1) {
    if (At > 0 && isWordChar(Lower[At - 1]))
      continue;
    llvm::StringRef After = Lower.drop_front(At + Name.size()).ltrim();
    if (After.starts_with("("))
      return true;
  }
  return false;
}

/// `set_config(name, value, is_local)` with is_local false.
bool setsSessionConfig(llvm::StringRef Lower) {
  size_t At = 0;
  if (!calls(Lower, "set_config", At))
    return false;
  llvm::StringRef Arguments = Lower.drop_front(At).split('(').second;
  Arguments = Arguments.split(')').first;
  return Arguments.rsplit(',').second.trim() == "false";
}

std::optional<SessionStateUse> inStatement(llvm::StringRef Statement) {
  std::string Lower = Statement.lower();
  llvm::StringRef Rest = Statement;
  std::string Verb = nextWord(Rest).lower();
  if (Verb == "set") {
    llvm::StringRef AfterSet = Rest;
    std::string Scope = nextWord(Rest).lower();
    if (Scope == "local" || Scope == "transaction" || Scope.empty())
      return std::nullopt;
    if (Scope == "session") {
      llvm::StringRef Name = nextWord(Rest);
      return SessionStateUse{SessionState::Setting,
                             ("SET SESSION " + Name).str()};
    }
    return SessionStateUse{SessionState::Setting,
                           ("SET " + nextWord(AfterSet)).str()};
  }
  if (Verb == "prepare") {
    llvm::StringRef Name = nextWord(Rest);
    if (Name.empty() || Name.equals_insensitive("transaction"))
      return std::nullopt;
    return SessionStateUse{SessionState::PreparedStatement,
                           ("'" + Name + "'").str()};
  }
  if (Verb == "listen") {
    llvm::StringRef Channel = nextWord(Rest);
    return SessionStateUse{SessionState::Listen, ("LISTEN " + Channel).str()};
  }
  size_t At = 0;
  for (llvm::StringRef Lock :
       {"pg_advisory_lock", "pg_advisory_lock_shared", "pg_try_advisory_lock",
        "pg_try_advisory_lock_shared"})
    if (calls(Lower, Lock, At))
      return SessionStateUse{SessionState::AdvisoryLock, Lock.str()};
  if (setsSessionConfig(Lower))
    return SessionStateUse{SessionState::Setting,
                           "set_config(..., false)"};
  return std::nullopt;
}

} // namespace

std::optional<SessionStateUse> sessionStateIn(llvm::StringRef Sql) {
  llvm::SmallVector<llvm::StringRef, 4> Statements;
  Sql.split(Statements, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Statement : Statements)
    if (std::optional<SessionStateUse> Use = inStatement(Statement.trim()))
      return Use;
  return std::nullopt;
}

} // namespace clang::tidy::session
