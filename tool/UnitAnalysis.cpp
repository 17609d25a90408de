//===--- UnitAnalysis.cpp - The clang-tidy engine on one translation unit -===//

#include "UnitAnalysis.h"
#include "ClangTidy.h"
#include "ClangTidyModule.h"
#include "EnclosingDeclarations.h"
#include "HeaderScope.h"
#include "ResultCache.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "model/UserCodeMatching.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/Tooling.h"

using namespace clang;
using namespace clang::tidy;

namespace session_lint {
namespace {

/// A database of one command.
class OneCommand : public tooling::CompilationDatabase {
public:
  explicit OneCommand(tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {Command};
  }
  std::vector<std::string> getAllFiles() const override {
    return {Command.Filename};
  }

private:
  tooling::CompileCommand Command;
};

/// session-lint runs only the session checks, and they match only the
/// user's code (UserCodeMatching.h). So the engine's own MatchFinder, which
/// would walk every node of the unit to find their one matcher on it, walks
/// the user's declarations too, not the system headers' (most of a unit).
class UserCodeConsumer : public MultiplexConsumer {
public:
  using MultiplexConsumer::MultiplexConsumer;

  void HandleTranslationUnit(ASTContext &Context) override {
    std::vector<Decl *> Scope = Context.getTraversalScope();
    Context.setTraversalScope(clang::tidy::session::userCodeScope(Context));
    MultiplexConsumer::HandleTranslationUnit(Context);
    Context.setTraversalScope(Scope);
  }
};

/// The files the preprocessor read, with the hash of the text parsed (the
/// result cache's inputs, ResultCache.h).
void recordInputs(const SourceManager &Sources, llvm::StringRef Directory,
                  std::vector<InputFile> &Inputs) {
  for (auto It = Sources.fileinfo_begin(); It != Sources.fileinfo_end(); ++It)
    if (std::optional<llvm::StringRef> Text =
            It->second->getBufferDataIfLoaded())
      Inputs.push_back(
          {absoluteFrom(Directory, It->first.getName()), inputHash(*Text)});
  llvm::sort(Inputs, [](const InputFile &A, const InputFile &B) {
    return A.Path < B.Path;
  });
}

class Action : public ASTFrontendAction {
public:
  Action(ClangTidyASTConsumerFactory &Checks, EnclosingDeclarations &Decls,
         std::string Directory, std::vector<InputFile> *Inputs)
      : Checks(Checks), Decls(Decls), Directory(std::move(Directory)),
        Inputs(Inputs) {}

  void EndSourceFileAction() override {
    if (Inputs)
      recordInputs(getCompilerInstance().getSourceManager(), Directory,
                   *Inputs);
  }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 llvm::StringRef File) override {
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    // The checks first: the declarations are recorded after they ran.
    Consumers.push_back(Checks.createASTConsumer(Compiler, File));
    Consumers.push_back(Decls.recorder(Directory));
    return std::make_unique<UserCodeConsumer>(std::move(Consumers));
  }

private:
  ClangTidyASTConsumerFactory &Checks;
  EnclosingDeclarations &Decls;
  std::string Directory;
  std::vector<InputFile> *Inputs;
};

class ActionFactory : public tooling::FrontendActionFactory {
public:
  ActionFactory(ClangTidyContext &Context,
                llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS,
                EnclosingDeclarations &Decls, std::string Directory,
                std::vector<InputFile> *Inputs)
      : Checks(Context, std::move(BaseFS)), Decls(Decls),
        Directory(std::move(Directory)), Inputs(Inputs) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Checks, Decls, Directory, Inputs);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // As clang-tidy: define __clang_analyzer__.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

private:
  ClangTidyASTConsumerFactory Checks;
  EnclosingDeclarations &Decls;
  std::string Directory;
  std::vector<InputFile> *Inputs;
};

/// A fix-it is applied only to a file outside system headers, and only to
/// the text it was computed on: edits elsewhere are dropped here, and the
/// hash of each edited file's text goes with the result.
void keepFixesInUserFiles(RunResult &Result,
                          const std::map<std::string, std::string> &UserFiles) {
  auto Keep = [&](Message &M) {
    llvm::erase_if(M.Fix, [&](const Edit &E) {
      auto It = UserFiles.find(E.File);
      if (It == UserFiles.end())
        return true;
      Result.FixTargets[E.File] = It->second;
      return false;
    });
  };
  for (Diagnostic &D : Result.Diagnostics) {
    Keep(D.Main);
    for (Message &Note : D.Notes)
      Keep(Note);
  }
}

/// Moves the roles a finding rests on from the note that ties them to it
/// (checks/model/BatchFacts.h) into the diagnostic.
void takeTies(Diagnostic &Diag, const clang::tidy::session::BatchFacts &Facts) {
  llvm::erase_if(Diag.Notes, [&](const Message &Note) {
    const auto *Tied = Facts.tiedBy(Note.Text);
    if (!Tied)
      return false;
    llvm::append_range(Diag.DependsOn, Tied->Dependences);
    Diag.HeldBack |= Tied->HeldBack;
    return true;
  });
}

} // namespace

RunResult
analyzeUnit(ClangTidyContext &Context, const tooling::CompileCommand &Command,
            llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS,
            bool FixesFromNotes, const HeaderScope &Headers,
            std::vector<InputFile> *Inputs) {
  OneCommand Database(Command);
  tooling::ClangTool Tool(Database, {Command.Filename},
                          std::make_shared<PCHContainerOperations>(), BaseFS);
  // The configuration's ExtraArgs are in the command already: the parent
  // put them in before the compile-flag policy (CompileCommands.h).

  ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr,
                                           /*RemoveIncompatibleErrors=*/true,
                                           FixesFromNotes);
  DiagnosticsEngine DE(new DiagnosticIDs(), new DiagnosticOptions(),
                       &DiagConsumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&DE);
  Tool.setDiagnosticConsumer(&DiagConsumer);

  EnclosingDeclarations Decls;
  ActionFactory Factory(Context, BaseFS, Decls, Command.Directory, Inputs);
  // What this unit judged about classes, for the batch (ClassFacts.h).
  clang::tidy::session::BatchFacts Facts;
  clang::tidy::session::BatchFacts::install(&Facts);
  int Status = Tool.run(&Factory);
  clang::tidy::session::BatchFacts::install(nullptr);

  RunResult Result;
  std::string File = absoluteFrom(Command.Directory, Command.Filename);
  Result.Units.push_back(File);
  std::string FirstError, FirstPlaceless;
  for (const ClangTidyError &Error : DiagConsumer.take()) {
    Diagnostic Diag = fromEngine(Error);
    takeTies(Diag, Facts);
    // A finding the unit held back is not a finding yet, not even one the
    // header filter left out.
    if (Diag.HeldBack && Diag.Main.File != File &&
        !Headers.shows(Error.Message.FilePath))
      continue;
    // Compile errors are always shown, as clang-tidy shows them.
    if (Diag.kind() != DiagnosticKind::CompileError &&
        Diag.kind() != DiagnosticKind::Remark && !Diag.Main.File.empty() &&
        Diag.Main.File != File && !Headers.shows(Error.Message.FilePath)) {
      Result.LeftOutByHeaderFilter.push_back(
          {Diag.Main.File, Diag.Main.Offset, Diag.Check});
      continue;
    }
    Diag.Enclosing = Decls.around(Diag.Main.File, Diag.Main.Offset);
    // The first error with a place in the code says most ("too many
    // errors emitted" has none).
    if (Diag.kind() == DiagnosticKind::CompileError) {
      std::string &Slot = Diag.Main.File.empty() ? FirstPlaceless : FirstError;
      if (Slot.empty())
        Slot = Diag.Main.Text;
    }
    Result.Diagnostics.push_back(std::move(Diag));
  }
  Result.Judgements = std::move(Facts.Judgements);
  keepFixesInUserFiles(Result, Decls.userFiles());
  if (FirstError.empty())
    FirstError = FirstPlaceless;
  if (!FirstError.empty())
    Result.Failures.push_back({File, "does not compile: " + FirstError});
  else if (Status != 0 &&
           llvm::none_of(Result.Diagnostics, [](const Diagnostic &D) {
             return D.Level == Severity::Error; // -Werror
           }))
    Result.Failures.push_back({File, "the compiler could not process it"});

  const ClangTidyStats &Stats = Context.getStats();
  Result.Suppressed = {Stats.ErrorsIgnoredNOLINT, Stats.ErrorsIgnoredNonUserCode,
                       Stats.ErrorsIgnoredCheckFilter,
                       Stats.ErrorsIgnoredLineFilter};
  fillLineColumns(Result);
  normalize(Result);
  return Result;
}

} // namespace session_lint
