// A third-party header whose macros write code into the user's files, and
// whose templates instantiate the user's: what they expand to, or
// instantiate, in user code is the user's code.
#pragma once
#include <memory>
#include <pqxx/pqxx>

#define VENDOR_REPOSITORY(Name, Members)                                       \
  class Name {                                                                 \
  public:                                                                      \
    int count();                                                               \
                                                                               \
  private:                                                                     \
    Members                                                                    \
  };

namespace vendor {
template <typename Job> void runLater(Job J) { J.run(); }
} // namespace vendor
