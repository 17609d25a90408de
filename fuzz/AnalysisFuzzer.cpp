//===--- AnalysisFuzzer.cpp - Every session check on mutated C++ ----------===//
//
// A libFuzzer target for the analysis itself: the input is a C++17 file,
// parsed with -fsyntax-only and run through every session-* check in
// process, the way clang-tidy runs them (a ClangTidyContext with checks
// `-*,session-*`, an ASTConsumer from ClangTidyASTConsumerFactory).
//
// Speed decides how much a fuzzer finds, so nothing is read from disk: the
// file system is in memory, with stub headers (fuzz/stubs/, compiled in) of
// the standard library pieces and of every catalog library the checks know,
// under the names the real headers have (<pqxx/pqxx>, <libpq-fe.h>, ...) and
// on the system include path, as the real ones are. An input may include
// them, or declare its own look-alikes. No builtin headers: -nostdinc.
//
// The options configure one user type of each kind with the names the
// option tests use (app::Db, app::Pool, ...), so the configured paths of the
// model run too. Inputs that do not compile are fine: the checks must
// survive whatever the parser recovers to.
//
//===----------------------------------------------------------------------===//

#include "ClangTidy.h"
#include "ClangTidyDiagnosticConsumer.h"
#include "ClangTidyModule.h"
#include "ClangTidyOptions.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstdint>
#include <cstdlib>

using namespace clang;
using namespace clang::tidy;

namespace {

struct StubHeader {
  const char *Path;
  const char *Text;
};

const StubHeader StubHeaders[] = {
#include "StubHeaders.inc"
};

constexpr llvm::StringLiteral StubDir = "/stubs";
constexpr llvm::StringLiteral InputFile = "/fuzz/input.cpp";

ClangTidyOptions fuzzOptions() {
  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  Options.Checks = "-*,session-*";
  Options.HeaderFilterRegex = ".*";
  const std::pair<const char *, const char *> Values[] = {
      {"SessionTypes", "app::Db;^app::legacy::.*Handle$"},
      {"PoolTypes", "app::Pool;app::WorkerPool"},
      {"GuardTypes", "app::Lease"},
      {"ScopeClasses", "app::Job"},
      {"AcquireFunctions", "app::openSession;^app::borrow.*"},
      {"ReleaseFunctions", "app::closeSession;app::giveBack"},
      {"BeginFunctions", "app::beginWork"},
      {"RollbackFunctions", "app::rollbackWork"},
      {"TransactionGuardTypes", "app::Unit"},
      {"PoolCapacityArguments", "app::WorkerPool:1"},
  };
  for (const auto &[Key, Value] : Values)
    Options.CheckOptions[Key] = ClangTidyOptions::ClangTidyValue(Value);
  return Options;
}

class ChecksAction : public ASTFrontendAction {
public:
  explicit ChecksAction(ClangTidyASTConsumerFactory &Factory)
      : Factory(Factory) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    return Factory.createASTConsumer(Compiler, File);
  }

private:
  ClangTidyASTConsumerFactory &Factory;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Code(reinterpret_cast<const char *>(Data), Size);

  auto Files = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const StubHeader &Stub : StubHeaders)
    Files->addFile(StubDir + "/" + Stub.Path, 0,
                   llvm::MemoryBuffer::getMemBuffer(Stub.Text));
  // The input is copied: a buffer must end in a NUL, the fuzzer's data
  // does not.
  Files->addFile(InputFile, 0,
                 llvm::MemoryBuffer::getMemBufferCopy(Code, InputFile));
  auto FileMgr = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(),
                                                        Files);

  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), fuzzOptions()));
  ClangTidyDiagnosticConsumer DiagConsumer(Context);
  DiagnosticsEngine Diags(new DiagnosticIDs(), new DiagnosticOptions(),
                          &DiagConsumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&Diags);
  ClangTidyASTConsumerFactory Factory(Context);

  // Without typo correction: its recovery is where clang 19 itself crashes
  // most on mutated code (a Sema bug is not ours to find), and code with
  // errors is skipped by the checks anyway. A bounded constexpr evaluator
  // keeps an input's time the checks' time. fuzz/run.sh compiles a crashing
  // input with clang++-19 and these flags to tell clang's crashes apart.
  std::vector<std::string> Args = {
      "session-analysis-fuzzer", "-fsyntax-only", "-std=c++17", "-nostdinc",
      "-isystem", StubDir.str(), "-fno-delayed-template-parsing",
      "-fno-spell-checking", "-fconstexpr-steps=100000",
      "-fno-caret-diagnostics", InputFile.str()};
  tooling::ToolInvocation Invocation(
      std::move(Args), std::make_unique<ChecksAction>(Factory), FileMgr.get());
  Invocation.setDiagnosticConsumer(&DiagConsumer);
  (void)Invocation.run();
  std::vector<ClangTidyError> Errors = DiagConsumer.take();
  // For choosing seeds: what an input makes the checks and the parser say.
  static const bool Print = std::getenv("SESSION_FUZZ_PRINT") != nullptr;
  if (Print)
    for (const ClangTidyError &Error : Errors)
      llvm::errs() << Error.Message.FileOffset << ": " << Error.Message.Message
                   << " [" << Error.DiagnosticName << "]\n";
  return 0;
}
