//===--- Units.cpp - Which translation units a run analyzes ---------------===//

#include "Units.h"
#include "InputFiles.h"
#include "CompileCommands.h"
#include "PathGlob.h"
#include "RunResult.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"
#include <tuple>

namespace session_lint {
namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Message.str());
}

std::string currentDirectory() {
  llvm::SmallString<256> Dir;
  llvm::sys::fs::current_path(Dir);
  return std::string(Dir);
}

llvm::Expected<std::vector<PathGlob>>
compileGlobs(llvm::ArrayRef<std::string> Globs, llvm::StringRef Option) {
  std::vector<PathGlob> Compiled;
  std::string Here = currentDirectory();
  for (const std::string &Glob : Globs) {
    auto Pattern = PathGlob::create(absoluteFrom(Here, Glob));
    if (!Pattern)
      return error("invalid " + Option + " glob '" + Glob +
                   "': " + llvm::toString(Pattern.takeError()));
    Compiled.push_back(std::move(*Pattern));
  }
  return Compiled;
}

bool matchesAny(const std::vector<PathGlob> &Patterns, llvm::StringRef Path) {
  return llvm::any_of(Patterns,
                      [&](const PathGlob &Pattern) { return Pattern.match(Path); });
}

/// Commands that differ only in their output file compile the same unit.
std::vector<std::string> withoutOutput(llvm::ArrayRef<std::string> Args) {
  std::vector<std::string> Kept;
  for (size_t I = 0; I < Args.size(); ++I) {
    if (Args[I] == "-o") {
      ++I;
      continue;
    }
    if (!llvm::StringRef(Args[I]).starts_with("-o"))
      Kept.push_back(Args[I]);
  }
  return Kept;
}

auto commandKey(const Unit &U) {
  return std::make_tuple(U.File, withoutOutput(U.Command.CommandLine),
                         U.Command.Directory);
}

} // namespace

llvm::Error parseShard(llvm::StringRef Text, UnitSelection &Selection) {
  auto [K, N] = Text.split('/');
  unsigned Index = 0, Count = 0;
  if (K.getAsInteger(10, Index) || N.getAsInteger(10, Count) || Count == 0 ||
      Index == 0 || Index > Count)
    return error("invalid --shard '" + Text +
                 "': expected K/N with 1 <= K <= N, e.g. 2/4");
  Selection.Shard = Index;
  Selection.ShardCount = Count;
  return llvm::Error::success();
}

llvm::Expected<std::vector<std::string>> readFileList(llvm::StringRef Path) {
  auto Buffer = Path == "-" ? readStdin(DataSizeLimit)
                            : readRegularFile(Path, DataSizeLimit);
  if (!Buffer)
    return error("cannot read --files-from '" + Path +
                 "': " + llvm::toString(Buffer.takeError()));
  std::vector<std::string> Files;
  llvm::SmallVector<llvm::StringRef> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    Line = Line.trim();
    if (!Line.empty() && !Line.starts_with("#"))
      Files.push_back(Line.str());
  }
  return Files;
}

llvm::Expected<SelectedUnits>
selectUnits(const clang::tooling::CompilationDatabase &Database,
            const UnitSelection &Selection, llvm::raw_ostream &Notes) {
  auto Include = compileGlobs(Selection.Include, "--include");
  if (!Include)
    return Include.takeError();
  auto Exclude = compileGlobs(Selection.Exclude, "--exclude");
  if (!Exclude)
    return Exclude.takeError();

  SelectedUnits Selected;
  std::vector<clang::tooling::CompileCommand> Commands;
  if (Selection.Files.empty()) {
    Commands = Database.getAllCompileCommands();
  } else {
    std::string Here = currentDirectory();
    for (const std::string &File : Selection.Files) {
      std::string Path = absoluteFrom(Here, File);
      std::vector<clang::tooling::CompileCommand> ForFile =
          Database.getCompileCommands(Path);
      if (ForFile.empty())
        Selected.WithoutCommand.push_back(File);
      llvm::append_range(Commands, std::move(ForFile));
    }
  }

  for (clang::tooling::CompileCommand &Command : Commands) {
    Unit U;
    U.File = absoluteFrom(Command.Directory, Command.Filename);
    if (!Include->empty() && !matchesAny(*Include, U.File))
      continue;
    if (matchesAny(*Exclude, U.File))
      continue;
    if (Selection.ShardCount > 1) {
      uint64_t Hash =
          llvm::xxh3_64bits(relativeTo(Selection.SourceRoot, U.File));
      if (Hash % Selection.ShardCount != Selection.Shard - 1)
        continue;
    }
    U.Command = std::move(Command);
    Selected.Units.push_back(std::move(U));
  }
  llvm::sort(Selected.Units, [](const Unit &A, const Unit &B) {
    return commandKey(A) < commandKey(B);
  });
  Selected.Units.erase(std::unique(Selected.Units.begin(), Selected.Units.end(),
                                   [](const Unit &A, const Unit &B) {
                                     return commandKey(A) == commandKey(B);
                                   }),
                       Selected.Units.end());
  for (Unit &U : Selected.Units) {
    if (Selection.Configured)
      U.Command = withConfiguredArgs(std::move(U.Command),
                                     Selection.Configured(U.File));
    U.Command = makeSafe(std::move(U.Command), Selection.ResourceDir, Notes);
  }
  return Selected;
}

} // namespace session_lint
