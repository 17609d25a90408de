//===--- SessionCheck.cpp - What every session check starts from ----------===//

#include "model/SessionCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

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

void SessionCheck::matchFunctionDefinitions(ast_matchers::MatchFinder *Finder) {
  using namespace ast_matchers;
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(stmt()),
                                  unless(isExpansionInSystemHeader()),
                                  unless(isTemplateInstantiation()))
                         .bind("function"),
                     this);
}

} // namespace clang::tidy::session
