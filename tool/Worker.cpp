//===--- Worker.cpp - One translation unit in its own process -------------===//

#include "Worker.h"
#include "JsonFormat.h"
#include "UnitAnalysis.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/thread.h"
#include "clang/Basic/Stack.h"

namespace session_lint {
namespace json = llvm::json;

namespace {
const unsigned AnalysisStackSize = 256 << 20;
} // namespace

llvm::Error writeWorkerRequest(const Unit &U, llvm::StringRef Path) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    return llvm::createFileError(Path, EC);
  json::Array Arguments;
  for (const std::string &Arg : U.Command.CommandLine)
    Arguments.push_back(Arg);
  OS << json::Value(json::Object{{"directory", U.Command.Directory},
                                 {"file", U.Command.Filename},
                                 {"arguments", std::move(Arguments)}});
  return llvm::Error::success();
}

namespace {

llvm::Expected<clang::tooling::CompileCommand>
readWorkerRequest(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createFileError(Path, Buffer.getError());
  auto Value = json::parse((*Buffer)->getBuffer());
  if (!Value)
    return Value.takeError();
  clang::tooling::CompileCommand Command;
  json::Path::Root Root("worker request");
  json::ObjectMapper O(*Value, Root);
  if (!O || !O.map("directory", Command.Directory) ||
      !O.map("file", Command.Filename) ||
      !O.map("arguments", Command.CommandLine))
    return Root.getError();
  return Command;
}

} // namespace

int runWorker(llvm::StringRef RequestPath, llvm::StringRef ResultPath,
              std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Options,
              bool FixesFromNotes) {
  auto Command = readWorkerRequest(RequestPath);
  if (!Command) {
    llvm::WithColor::error(llvm::errs(), "session-lint worker")
        << llvm::toString(Command.takeError()) << "\n";
    return 2;
  }
  clang::tidy::ClangTidyContext Context(std::move(Options));
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem()));
  // The compiler's parser and our AST walks recurse with the depth of the
  // code; clang itself parses on a thread with a large stack, so the worker
  // does too (deeply nested expressions crash clang-tidy, not session-lint).
  RunResult Result;
  llvm::thread Analysis(std::optional<unsigned>(AnalysisStackSize), [&] {
    clang::noteBottomOfStack();
    Result = analyzeUnit(Context, *Command, BaseFS, FixesFromNotes);
  });
  Analysis.join();

  std::error_code EC;
  llvm::raw_fd_ostream OS(ResultPath, EC);
  if (EC) {
    llvm::WithColor::error(llvm::errs(), "session-lint worker")
        << "cannot write '" << ResultPath << "': " << EC.message() << "\n";
    return 2;
  }
  writeJson(Result, /*SourceRoot=*/"", /*Budget=*/nullptr, OS);
  return 0;
}

} // namespace session_lint
