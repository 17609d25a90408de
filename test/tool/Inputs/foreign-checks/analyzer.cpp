#include <pqxx/pqxx>

// The Clang Static Analyzer reports the null dereference below
// (clang-analyzer-core.NullDereference); session-lint must not.
int firstDigit(int *Digits) {
  int *Cursor = nullptr;
  if (!Digits)
    return *Cursor;
  return Digits[0];
}

pqxx::connection *Shared = nullptr;
