// Stub SOCI for the analysis fuzzer.
#pragma once
#include <utility>
#include <string>
namespace soci {
class connection_pool;
class soci_error {
public:
  const char *what() const noexcept;
};
template <class T> struct into_type {};
template <class T> into_type<T> into(T &);
template <class T> struct use_type {};
template <class T> use_type<T> use(const T &, const std::string &Name = "");
struct once_type {
  template <class T> once_type &operator,(const T &);
};
struct prepare_type {
  template <class T> prepare_type &operator,(const T &);
};
class session {
public:
  session();
  explicit session(const std::string &ConnectString);
  explicit session(connection_pool &Pool);
  ~session();
  void open(const std::string &ConnectString);
  void close();
  void begin();
  void commit();
  void rollback();
  once_type &operator<<(const std::string &Query);
  once_type once;
  prepare_type prepare;
};
class connection_pool {
public:
  explicit connection_pool(std::size_t Size);
  ~connection_pool();
  session &at(std::size_t Pos);
  std::size_t lease();
  void give_back(std::size_t Pos);
};
class transaction {
public:
  explicit transaction(session &S);
  ~transaction();
  void commit();
  void rollback();
};
} // namespace soci
