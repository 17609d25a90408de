// Stub cppdb for the analysis fuzzer.
#pragma once
#include <string>
namespace cppdb {
template <class T> class ref_ptr {
public:
  ref_ptr(T *P = nullptr);
  T *operator->() const;
  T &operator*() const;
  T *get() const;
};
struct exec_type {};
extern exec_type exec;
class statement {
public:
  template <class T> statement &operator<<(const T &);
  void exec();
};
class pool {
public:
  typedef ref_ptr<pool> pointer;
  static pointer create(const std::string &ConnectionString);
  ref_ptr<class session_backend> open();
  void gc();
  virtual ~pool();
};
class session {
public:
  session();
  explicit session(const std::string &ConnectionString);
  explicit session(ref_ptr<class session_backend> Backend);
  ~session();
  void open(const std::string &ConnectionString);
  void close();
  void begin();
  void commit();
  void rollback();
  statement operator<<(const std::string &Query);
  statement create_statement(const std::string &Query);
};
class transaction {
public:
  explicit transaction(session &S);
  ~transaction();
  void commit();
  void rollback();
};
} // namespace cppdb
