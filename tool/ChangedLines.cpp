//===--- ChangedLines.cpp - Only what a pull request changed --------------===//

#include "ChangedLines.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include <unistd.h>

namespace session_lint {
namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Message.str());
}

/// "+++ b/src/a.cpp\t..." -> "src/a.cpp"; "" for /dev/null.
llvm::StringRef newPathOf(llvm::StringRef Header) {
  llvm::StringRef Path = Header.drop_front(4).split('\t').first.rtrim("\r");
  if (Path == "/dev/null")
    return "";
  if (Path.size() > 1 && Path.front() == '"')
    Path = Path.drop_front().drop_back();
  Path.consume_front("b/");
  return Path;
}

/// Runs git with \p Args in \p Directory; its standard output.
llvm::Expected<std::string> git(llvm::ArrayRef<llvm::StringRef> Args,
                                llvm::StringRef Directory) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return error("--diff needs git, which is not on the PATH");
  llvm::SmallString<128> Out, Err;
  int OutFD, ErrFD;
  if (llvm::sys::fs::createTemporaryFile("session-lint-git", "out", OutFD, Out) ||
      llvm::sys::fs::createTemporaryFile("session-lint-git", "err", ErrFD, Err))
    return error("cannot create a temporary file for git's output");
  ::close(OutFD);
  ::close(ErrFD);
  std::vector<llvm::StringRef> Argv = {*Git, "-C", Directory};
  llvm::append_range(Argv, Args);
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                llvm::StringRef(Out),
                                                llvm::StringRef(Err)};
  int Status = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects);
  auto Read = [](llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  };
  std::string Output = Read(Out), Problem = Read(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (Status != 0) {
    std::string Command = "git";
    for (llvm::StringRef Arg : Args)
      Command += " " + Arg.str();
    return error("'" + Command + "' failed: " + llvm::StringRef(Problem).trim());
  }
  return Output;
}

} // namespace

llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Diff,
                                              llvm::StringRef Root) {
  ChangedLines Changed;
  std::set<unsigned> *Current = nullptr;
  unsigned NewLine = 0;
  llvm::SmallVector<llvm::StringRef> Lines;
  Diff.split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I];
    if (Line.starts_with("+++ ")) {
      llvm::StringRef Path = newPathOf(Line);
      Current = Path.empty() ? nullptr : &Changed[absoluteFrom(Root, Path)];
      continue;
    }
    if (Line.starts_with("@@ ")) {
      // @@ -a,b +c,d @@
      size_t Plus = Line.find(" +");
      if (Plus == llvm::StringRef::npos)
        return error("invalid diff: hunk header without a new range: '" +
                     Line + "'");
      llvm::StringRef Start =
          Line.substr(Plus + 2).take_while([](char C) { return isdigit(C); });
      if (Start.getAsInteger(10, NewLine))
        return error("invalid diff: bad hunk header '" + Line + "'");
      continue;
    }
    if (!Current || Line.starts_with("--- ") || Line.starts_with("diff ") ||
        Line.starts_with("\\"))
      continue;
    if (Line.starts_with("+"))
      Current->insert(NewLine++);
    else if (Line.starts_with(" ") || (Line.empty() && I + 1 < Lines.size()))
      ++NewLine;
  }
  return Changed;
}

llvm::Expected<ChangedLines> changedSince(llvm::StringRef BaseRef,
                                          llvm::StringRef Directory) {
  auto Top = git({"rev-parse", "--show-toplevel"}, Directory);
  if (!Top)
    return Top.takeError();
  auto MergeBase = git({"merge-base", BaseRef, "HEAD"}, Directory);
  if (!MergeBase)
    return MergeBase.takeError();
  std::string Base = llvm::StringRef(*MergeBase).trim().str();
  auto Diff = git({"diff", "--no-color", "--no-ext-diff", "--unified=0",
                   "--src-prefix=a/", "--dst-prefix=b/", Base, "--"},
                  Directory);
  if (!Diff)
    return Diff.takeError();
  return parseUnifiedDiff(*Diff, llvm::StringRef(*Top).trim());
}

void keepChangedLines(RunResult &Result, const ChangedLines &Changed) {
  // git names files by their real path; compile commands may go through
  // symbolic links.
  llvm::StringMap<std::string> RealPaths;
  auto RealPath = [&](const std::string &File) -> const std::string & {
    auto [It, Inserted] = RealPaths.try_emplace(File, File);
    llvm::SmallString<256> Real;
    if (Inserted && !llvm::sys::fs::real_path(File, Real))
      It->second = std::string(Real);
    return It->second;
  };
  size_t Before = Result.Diagnostics.size();
  llvm::erase_if(Result.Diagnostics, [&](const Diagnostic &D) {
    if (D.kind() != DiagnosticKind::Finding)
      return false;
    auto It = Changed.find(RealPath(D.Main.File));
    return It == Changed.end() || !It->second.count(D.Main.Line);
  });
  Result.OutsideDiff += Before - Result.Diagnostics.size();
  Result.DiffApplied = true;
}

} // namespace session_lint
