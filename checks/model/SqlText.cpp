//===--- SqlText.cpp - Does SQL text name the application's own tables ----===//

#include "model/SqlText.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::session {
namespace {

/// Letters of an SQL name: the servers take any letter, not only ASCII ones
/// (a table `ТЗакон`), and UTF-8 spells those with bytes above 0x7F.
bool startsName(char C) {
  return llvm::isAlpha(C) || C == '_' || static_cast<unsigned char>(C) >= 0x80;
}
bool continuesName(char C) {
  return startsName(C) || llvm::isDigit(C) || C == '.' || C == '$';
}

/// SQL's words and punctuation as written; quoted names unquoted.
llvm::SmallVector<std::string, 16> tokens(llvm::StringRef Text) {
  llvm::SmallVector<std::string, 16> Out;
  size_t I = 0;
  while (I < Text.size() && Out.size() < 64) {
    char C = Text[I];
    if (llvm::isSpace(C)) {
      ++I;
      continue;
    }
    if (startsName(C) || C == '"' || C == '`' || C == '[') {
      char Close = C == '"' ? '"' : C == '`' ? '`' : C == '[' ? ']' : 0;
      size_t Start = Close ? I + 1 : I;
      size_t End = Start;
      while (End < Text.size() &&
             (Close ? Text[End] != Close : continuesName(Text[End])))
        ++End;
      std::string Word = Text.slice(Start, End).str();
      Out.push_back(Word);
      I = Close ? End + 1 : End;
      continue;
    }
    Out.push_back(std::string(1, C));
    ++I;
  }
  return Out;
}

bool isKeyword(llvm::StringRef Word) {
  static const char *const Keywords[] = {
      "SELECT", "FROM", "WHERE", "INTO", "VALUES", "SET", "UPDATE", "DELETE",
      "INSERT", "JOIN", "ON", "AS", "TABLE", "IF", "NOT", "EXISTS", "ONLY",
      "LATERAL", "ORDER", "GROUP", "BY", "LIMIT", "UNION", "TEMP", "TEMPORARY",
      "UNLOGGED", "OR", "IGNORE", "REPLACE", "LOW_PRIORITY", "DELAYED",
      "HIGH_PRIORITY", "QUICK", "DUAL", "LEFT", "RIGHT", "INNER", "OUTER",
      "CROSS", "NATURAL", "FULL"};
  return llvm::is_contained(Keywords, Word);
}

/// A table of the application: a name, not a keyword, a placeholder, a
/// subquery or the server's own catalog.
bool isDomainTable(llvm::StringRef Word) {
  if (Word.empty() || !startsName(Word[0]) ||
      isKeyword(Word.upper()))
    return false;
  std::string Lower = Word.lower();
  llvm::StringRef Name(Lower);
  return !(Name.starts_with("pg_") || Name.starts_with("information_schema") ||
           Name.starts_with("sqlite_") || Name.starts_with("mysql.") ||
           Name.starts_with("performance_schema") || Name.starts_with("sys.") ||
           Name.starts_with("msdb.") || Name.starts_with("master."));
}

/// The first table name after position \p From, skipping modifiers
/// (`IF NOT EXISTS`, `ONLY`, `OR IGNORE INTO`).
std::string tableAfter(llvm::ArrayRef<std::string> Words, size_t From) {
  static const char *const Modifiers[] = {
      "IF", "NOT", "EXISTS", "ONLY", "TEMP", "TEMPORARY", "UNLOGGED",
      "OR", "IGNORE", "REPLACE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY",
      "QUICK", "INTO", "FROM", "TABLE", "LATERAL"};
  for (size_t I = From; I < Words.size(); ++I) {
    if (llvm::is_contained(Modifiers, llvm::StringRef(Words[I]).upper()))
      continue;
    return isDomainTable(Words[I]) ? Words[I] : std::string();
  }
  return {};
}

/// The position of \p Keyword in \p Words at or after \p From, or npos.
size_t position(llvm::ArrayRef<std::string> Words, llvm::StringRef Keyword,
            size_t From = 0) {
  for (size_t I = From; I < Words.size(); ++I)
    if (llvm::StringRef(Words[I]).equals_insensitive(Keyword))
      return I;
  return llvm::StringRef::npos;
}

} // namespace

namespace {
/// The statement's words, without the brackets that may open it.
llvm::SmallVector<std::string, 16> statementWords(llvm::StringRef Text) {
  llvm::SmallVector<std::string, 16> Words = tokens(Text);
  while (!Words.empty() && Words.front() == "(")
    Words.erase(Words.begin());
  return Words;
}
} // namespace

TableChange tableChangeIn(llvm::StringRef Text) {
  llvm::SmallVector<std::string, 16> Words = statementWords(Text);
  if (Words.empty() || position(Words, "TABLE") == llvm::StringRef::npos)
    return TableChange::None;
  const std::string Verb = llvm::StringRef(Words.front()).upper();
  return Verb == "CREATE" ? TableChange::Creates
         : Verb == "DROP" ? TableChange::Drops
                          : TableChange::None;
}

std::string sourceTableIn(llvm::StringRef Text) {
  llvm::SmallVector<std::string, 16> Words = statementWords(Text);
  size_t Select = position(Words, "SELECT", 1);
  if (Select == llvm::StringRef::npos)
    return {};
  size_t From = position(Words, "FROM", Select);
  return From == llvm::StringRef::npos ? std::string()
                                       : tableAfter(Words, From + 1);
}

std::string domainTableIn(llvm::StringRef Text) {
  llvm::SmallVector<std::string, 16> Words = statementWords(Text);
  if (Words.empty())
    return {};
  const std::string Verb = llvm::StringRef(Words.front()).upper();
  size_t At = llvm::StringRef::npos;
  if (Verb == "SELECT" || Verb == "WITH" || Verb == "DELETE" ||
      Verb == "FROM" || Verb == "JOIN") {
    // SELECT ... FROM t, DELETE FROM t, " FROM t WHERE " (a fragment).
    At = Verb == "FROM" || Verb == "JOIN" ? 0 : position(Words, "FROM");
    // SELECT ... FROM t, or ... JOIN t.
    if (At == llvm::StringRef::npos)
      At = position(Words, "JOIN");
  } else if (Verb == "INSERT" || Verb == "REPLACE" || Verb == "MERGE" ||
             Verb == "UPSERT") {
    At = position(Words, "INTO");
  } else if (Verb == "UPDATE") {
    // UPDATE t SET: the SET makes it a statement, not prose.
    if (position(Words, "SET") == llvm::StringRef::npos)
      return {};
    At = 0;
  } else if (Verb == "CREATE" || Verb == "DROP" || Verb == "ALTER" ||
             Verb == "TRUNCATE") {
    At = position(Words, "TABLE");
    if (At == llvm::StringRef::npos && Verb == "TRUNCATE")
      At = 0;
  }
  if (At == llvm::StringRef::npos)
    return {};
  return tableAfter(Words, At + 1);
}

} // namespace clang::tidy::session
