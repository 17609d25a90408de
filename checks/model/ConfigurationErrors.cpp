//===--- ConfigurationErrors.cpp - Where a bad option value is told -------===//

#include "model/ConfigurationErrors.h"
#include <atomic>

namespace clang::tidy::session {
namespace {
std::atomic<ConfigurationErrorObserver> Installed{nullptr};
} // namespace

void setConfigurationErrorObserver(ConfigurationErrorObserver Observer) {
  Installed.store(Observer);
}

void notifyConfigurationError(llvm::StringRef Check, llvm::StringRef Error) {
  if (ConfigurationErrorObserver Observer = Installed.load())
    Observer(Check, Error);
}

} // namespace clang::tidy::session
