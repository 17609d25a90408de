//===--- CompilationDatabases.cpp - Loading the analyzed tree's database --===//

#include "CompilationDatabases.h"
#include "InputFiles.h"
#include "clang/Driver/Driver.h"
#include "clang/Driver/Options.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang::tooling;

namespace session_lint {
namespace {

/// Why \p Path cannot be read without risk (a FIFO would block clang's
/// reader forever, /dev/zero fill memory), or "".
std::string notRegular(llvm::StringRef Path) {
  auto Start = readFileStart(Path, 0);
  return Start ? "" : llvm::toString(Start.takeError());
}

} // namespace

std::unique_ptr<CompilationDatabase>
loadDatabaseFrom(llvm::StringRef Directory, std::string &Error) {
  llvm::SmallString<256> Json(Directory);
  llvm::sys::path::append(Json, "compile_commands.json");
  if (llvm::sys::fs::exists(Json)) {
    if (std::string Why = notRegular(Json); !Why.empty()) {
      Error = "compile_commands.json: " + Why;
      return nullptr;
    }
    auto Database = JSONCompilationDatabase::loadFromFile(
        Json, Error, JSONCommandLineSyntax::AutoDetect);
    if (!Database) {
      Error = "compile_commands.json: " + Error;
      return nullptr;
    }
    return inferTargetAndDriverMode(
        inferMissingCompileCommands(std::move(Database)));
  }
  llvm::SmallString<256> Flags(Directory);
  llvm::sys::path::append(Flags, "compile_flags.txt");
  if (llvm::sys::fs::exists(Flags)) {
    if (std::string Why = notRegular(Flags); !Why.empty()) {
      Error = "compile_flags.txt: " + Why;
      return nullptr;
    }
    auto Database = FixedCompilationDatabase::loadFromFile(Flags, Error);
    if (!Database)
      Error = "compile_flags.txt: " + Error;
    return Database;
  }
  Error = "no compile_commands.json or compile_flags.txt in '" +
          Directory.str() + "'";
  return nullptr;
}

std::unique_ptr<CompilationDatabase>
fixedFlagsDatabase(llvm::ArrayRef<std::string> Flags) {
  std::vector<const char *> Argv;
  for (const std::string &Flag : Flags)
    Argv.push_back(Flag.c_str());
  bool ClMode = clang::driver::IsClangCL(
      clang::driver::getDriverMode("clang-tool", Argv));
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Args = clang::driver::getDriverOptTable().ParseArgs(
      Argv, MissingIndex, MissingCount,
      llvm::opt::Visibility(ClMode ? clang::driver::options::CLOption
                                   : clang::driver::options::ClangOption));
  std::vector<std::string> WithoutInputs;
  for (const llvm::opt::Arg *A : Args) {
    // Response files stay: the policy expands them.
    if (A->getOption().getID() == clang::driver::options::OPT_INPUT &&
        !llvm::StringRef(A->getValue()).starts_with("@"))
      continue;
    llvm::opt::ArgStringList Rendered;
    (A->getAlias() ? *A->getAlias() : *A).render(Args, Rendered);
    WithoutInputs.insert(WithoutInputs.end(), Rendered.begin(), Rendered.end());
  }
  // An option whose value is missing stays, for the policy to say.
  if (MissingCount)
    WithoutInputs.push_back(Flags[MissingIndex]);
  return std::make_unique<FixedCompilationDatabase>(".", WithoutInputs);
}

llvm::Expected<std::unique_ptr<CompilationDatabase>>
findDatabaseAbove(llvm::StringRef SourceFile) {
  llvm::SmallString<256> Path(SourceFile);
  llvm::sys::fs::make_absolute(Path);
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(Path); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    std::string Error;
    if (auto Database = loadDatabaseFrom(Dir, Error))
      return Database;
    // Found, but unreadable or broken: an error, not a run without flags.
    if (!llvm::StringRef(Error).starts_with("no compile_commands.json"))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "cannot load a compilation database "
                                     "from '" + Dir.str() + "': " + Error);
  }
  return nullptr;
}

} // namespace session_lint
