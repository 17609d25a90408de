// A thin wrapper whose destructor is defined in another file
// (session-class-roles.cpp does not see its body): it owns its handle.
#pragma once
#include <sqlite3.h>
#include <string>

class FeedStore {
public:
  explicit FeedStore(const std::string &Path);
  ~FeedStore();
  FeedStore(const FeedStore &) = delete;
  FeedStore &operator=(const FeedStore &) = delete;
  int run(const std::string &Sql);
  sqlite3 *raw() const { return Db; }

private:
  sqlite3 *Db = nullptr;
};
