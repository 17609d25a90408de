//===--- SessionOptionsFromMap.h - Options read as a check would ----------===//
//
// The standalone tool's --verify-config validates the option values without
// creating a check: it reads a configuration's option map as the check would
// (its own key first, then the global one) and reports what the check's
// constructor would. Kept apart from SessionOptions.h, which every check
// includes.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_SESSIONOPTIONSFROMMAP_H
#define SESSION_LINT_MODEL_SESSIONOPTIONSFROMMAP_H

#include "model/SessionOptions.h"

namespace clang::tidy::session {

/// The options of \p Groups from \p Map, as the check \p CheckName reads them.
SessionOptions readSessionOptions(const ClangTidyOptions::OptionMap &Map,
                                  llvm::StringRef CheckName, unsigned Groups,
                                  ConfigErrorReporter ReportError);

} // namespace clang::tidy::session

#endif
