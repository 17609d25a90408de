// Stub POCO Data for the analysis fuzzer.
#pragma once
#include <string>
namespace Poco::Data {
class Statement {
public:
  template <class T> Statement &operator,(const T &);
  std::size_t execute();
};
class Session {
public:
  Session(const std::string &Connector, const std::string &ConnectionString);
  Session(const Session &);
  ~Session();
  void begin();
  void commit();
  void rollback();
  void close();
  bool isConnected();
  template <class T> Statement operator<<(const T &);
};
class SessionPool {
public:
  SessionPool(const std::string &Connector, const std::string &ConnectionString, int MinSessions = 1, int MaxSessions = 32, int IdleTime = 60);
  ~SessionPool();
  Session get();
};
class Transaction {
public:
  explicit Transaction(Session &S, bool Start = true);
  ~Transaction();
  void commit();
  void rollback();
};
namespace Keywords {
template <class T> int now(T);
template <class T> int use(T &);
template <class T> int into(T &);
} // namespace Keywords
} // namespace Poco::Data
