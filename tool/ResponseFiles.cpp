//===--- ResponseFiles.cpp - @file arguments of a compile command, expanded ===//

#include "ResponseFiles.h"
#include "InputFiles.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"

namespace session_lint {
namespace {

class Expander {
public:
  Expander(bool WindowsQuoting, ResponseFileLimits Limits)
      : WindowsQuoting(WindowsQuoting), Limits(Limits) {}

  void expand(llvm::ArrayRef<std::string> Arguments, llvm::StringRef Directory,
              unsigned Depth) {
    for (const std::string &Argument : Arguments) {
      llvm::StringRef Name = Argument;
      if (!Name.consume_front("@") || Name.empty()) {
        Result.Arguments.push_back(Argument);
        continue;
      }
      if (Depth >= Limits.DepthLimit) {
        leaveOut(Argument, "response files nested deeper than " +
                               std::to_string(Limits.DepthLimit));
        continue;
      }
      if (Read >= Limits.CountLimit) {
        leaveOut(Argument, "more than " + std::to_string(Limits.CountLimit) +
                               " response files");
        continue;
      }
      llvm::SmallString<256> Path(Name);
      if (!llvm::sys::path::is_absolute(Path)) {
        Path = Directory;
        llvm::sys::path::append(Path, Name);
      }
      ++Read;
      auto Buffer = readRegularFile(Path, ConfigSizeLimit);
      if (!Buffer) {
        leaveOut(Argument, llvm::toString(Buffer.takeError()));
        continue;
      }
      llvm::BumpPtrAllocator Allocator;
      llvm::StringSaver Saver(Allocator);
      llvm::SmallVector<const char *, 32> Tokens;
      if (WindowsQuoting)
        llvm::cl::TokenizeWindowsCommandLine((*Buffer)->getBuffer(), Saver,
                                             Tokens);
      else
        llvm::cl::TokenizeGNUCommandLine((*Buffer)->getBuffer(), Saver,
                                         Tokens);
      std::vector<std::string> Inner;
      for (const char *Token : Tokens)
        if (Token) // end-of-line markers
          Inner.emplace_back(Token);
      expand(Inner, llvm::sys::path::parent_path(Path), Depth + 1);
    }
  }

  ExpandedArguments take() { return std::move(Result); }

private:
  void leaveOut(llvm::StringRef Argument, const std::string &Why) {
    Result.LeftOut.push_back((Argument + " (" + Why + ")").str());
  }

  bool WindowsQuoting;
  ResponseFileLimits Limits;
  unsigned Read = 0;
  ExpandedArguments Result;
};

} // namespace

ExpandedArguments expandResponseFiles(llvm::ArrayRef<std::string> Arguments,
                                      llvm::StringRef Directory,
                                      bool WindowsQuoting,
                                      ResponseFileLimits Limits) {
  Expander E(WindowsQuoting, Limits);
  E.expand(Arguments, Directory, 0);
  return E.take();
}

} // namespace session_lint
