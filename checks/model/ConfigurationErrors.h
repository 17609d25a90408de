//===--- ConfigurationErrors.h - Where a bad option value is told ---------===//
//
// A check reports a bad option value with clang-tidy's configurationDiag: a
// diagnostic without a location. clang-tidy and session-lint print it;
// clangd drops every such diagnostic that is not an error by default mapping,
// so in an editor the session checks would switch off without a word. A
// front end that cannot show those diagnostics (session-clangd) installs an
// observer here and tells the user its own way; with none installed this
// does nothing.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_CONFIGURATIONERRORS_H
#define SESSION_LINT_MODEL_CONFIGURATIONERRORS_H

#include "llvm/ADT/StringRef.h"

namespace clang::tidy::session {

/// Called with the check that read the bad value and the error's text; it
/// may be called from any thread, as often as checks are created.
using ConfigurationErrorObserver = void (*)(llvm::StringRef Check,
                                            llvm::StringRef Error);

void setConfigurationErrorObserver(ConfigurationErrorObserver Observer);

/// Tells the installed observer, if any.
void notifyConfigurationError(llvm::StringRef Check, llvm::StringRef Error);

} // namespace clang::tidy::session

#endif
