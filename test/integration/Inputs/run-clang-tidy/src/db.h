#pragma once

namespace shop {
// The shop's own connection class, a session through .clang-tidy's SessionTypes.
class Db {
public:
  explicit Db(const char *Url);
  ~Db();
  int exec(const char *Sql);
};
} // namespace shop
