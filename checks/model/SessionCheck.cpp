//===--- SessionCheck.cpp - What every session check starts from ----------===//

#include "model/SessionCheck.h"

namespace clang::tidy::session {

SessionCheck::SessionCheck(StringRef Name, ClangTidyContext *Context,
                           unsigned Groups)
    : ClangTidyCheck(Name, Context), Groups(Groups),
      Config(readSessionOptions(Options, Name, Groups,
                                [this](const std::string &Error) {
                                  configurationDiag(Error,
                                                    DiagnosticIDs::Error);
                                })),
      Model(Config) {}

void SessionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  storeSessionOptions(Options, Opts, Groups);
}

} // namespace clang::tidy::session
