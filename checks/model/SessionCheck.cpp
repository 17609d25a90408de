//===--- SessionCheck.cpp - What every session check starts from ----------===//

#include "model/SessionCheck.h"
#include "model/ConfigurationErrors.h"
#include "clang/Lex/Preprocessor.h"

namespace clang::tidy::session {
namespace {

/// functionDecl(isDefinition(), hasBody(stmt()),
///              unless(isExpansionInSystemHeader()),
///              unless(isTemplateInstantiation())), as one predicate.
AST_MATCHER(FunctionDecl, isUserFunctionDefinition) {
  if (!Node.isThisDeclarationADefinition() ||
      !Node.doesThisDeclarationHaveABody() || !Node.getBody())
    return false;
  switch (Node.getTemplateSpecializationKind()) {
  case TSK_ImplicitInstantiation:
  case TSK_ExplicitInstantiationDefinition:
  case TSK_ExplicitInstantiationDeclaration:
    return false;
  default:
    break;
  }
  return !inSystemHeader(Node.getBeginLoc(),
                         Finder->getASTContext().getSourceManager());
}

} // namespace

bool inSystemHeader(SourceLocation Begin, const SourceManager &SM) {
  SourceLocation Expansion = SM.getExpansionLoc(Begin);
  return Expansion.isValid() && SM.isInSystemHeader(Expansion);
}

SessionCheck::SessionCheck(StringRef Name, ClangTidyContext *Context,
                           unsigned Groups)
    : ClangTidyCheck(Name, Context), Groups(Groups),
      Config(readSessionOptions(Options, Name, Groups,
                                [this, Name](const std::string &Error) {
                                  configurationDiag(Error,
                                                    DiagnosticIDs::Error);
                                  notifyConfigurationError(Name, Error);
                                })),
      Model(Config) {}

void SessionCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  if (!Config.Valid)
    return;
  UserCode = UserCodeMatchFinder::forEngine(*Finder);
  UserCodeMatchers Mine(*UserCode, *this);
  registerUserCodeMatchers(Mine);
}

void SessionCheck::registerPPCallbacks(const SourceManager &,
                                       Preprocessor *PP, Preprocessor *) {
  Model.setHeaderSearch(PP->getHeaderSearchInfo());
  registerSessionPPCallbacks(PP);
}

void SessionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  storeSessionOptions(Options, Opts, Groups);
}

void SessionCheck::matchFunctionDefinitions(UserCodeMatchers &Finder) {
  using namespace ast_matchers;
  Finder.addMatcher(functionDecl(isUserFunctionDefinition()).bind("function"));
}

} // namespace clang::tidy::session
