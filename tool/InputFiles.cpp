//===--- InputFiles.cpp - Reading the files a run is given, safely --------===//

#include "InputFiles.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"
#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace session_lint {
namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Message.str());
}

const char *kindOf(mode_t Mode) {
  if (S_ISDIR(Mode))
    return "a directory";
  if (S_ISFIFO(Mode))
    return "a FIFO";
  if (S_ISCHR(Mode))
    return "a character device";
  if (S_ISBLK(Mode))
    return "a block device";
  if (S_ISSOCK(Mode))
    return "a socket";
  return "a special file";
}

/// A descriptor of \p Path when it is a regular file, and its size.
llvm::Expected<std::pair<int, uint64_t>> openRegular(llvm::StringRef Path) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
  // writer; fstat then says what was opened.
  int FD = ::open(Path.str().c_str(),
                  O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (FD < 0)
    return llvm::errorCodeToError(
        std::error_code(errno, std::generic_category()));
  struct stat Status;
  if (::fstat(FD, &Status) != 0) {
    int Saved = errno;
    ::close(FD);
    return llvm::errorCodeToError(
        std::error_code(Saved, std::generic_category()));
  }
  if (!S_ISREG(Status.st_mode)) {
    ::close(FD);
    return error(llvm::Twine("it is ") + kindOf(Status.st_mode) +
                 ", not a regular file");
  }
  // Reads of a regular file never block; clear the flag all the same.
  ::fcntl(FD, F_SETFL, ::fcntl(FD, F_GETFL) & ~O_NONBLOCK);
  return std::pair<int, uint64_t>{FD, uint64_t(Status.st_size)};
}

/// Reads until the end or until more than \p Limit bytes were read.
llvm::Expected<std::string> readAll(int FD, uint64_t Limit,
                                    llvm::StringRef What) {
  std::string Text;
  char Chunk[65536];
  for (;;) {
    ssize_t Read = ::read(FD, Chunk, sizeof(Chunk));
    if (Read < 0 && errno == EINTR)
      continue;
    if (Read < 0)
      return llvm::errorCodeToError(
          std::error_code(errno, std::generic_category()));
    if (Read == 0)
      return Text;
    Text.append(Chunk, Read);
    if (Text.size() > Limit)
      return error(What + " is larger than " + llvm::Twine(Limit >> 20) +
                   " MiB");
  }
}

} // namespace

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readRegularFile(llvm::StringRef Path, uint64_t Limit) {
  auto Opened = openRegular(Path);
  if (!Opened)
    return Opened.takeError();
  auto [FD, Size] = *Opened;
  if (Size > Limit) {
    ::close(FD);
    return error("it is larger than " + llvm::Twine(Limit >> 20) + " MiB");
  }
  // Read, not mapped: the file may grow or shrink under us (it is the
  // analyzed tree's), and the limit must hold for what is read.
  auto Text = readAll(FD, Limit, "it");
  ::close(FD);
  if (!Text)
    return Text.takeError();
  return llvm::MemoryBuffer::getMemBufferCopy(*Text, Path);
}

llvm::Expected<std::string> readFileStart(llvm::StringRef Path, size_t Bytes) {
  auto Opened = openRegular(Path);
  if (!Opened)
    return Opened.takeError();
  int FD = Opened->first;
  std::string Text(Bytes, '\0');
  size_t Done = 0;
  while (Done < Bytes) {
    ssize_t Read = ::read(FD, &Text[Done], Bytes - Done);
    if (Read < 0 && errno == EINTR)
      continue;
    if (Read <= 0)
      break;
    Done += Read;
  }
  ::close(FD);
  Text.resize(Done);
  return Text;
}

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> readStdin(uint64_t Limit) {
  auto Text = readAll(0, Limit, "the standard input");
  if (!Text)
    return Text.takeError();
  return llvm::MemoryBuffer::getMemBufferCopy(*Text, "<stdin>");
}

llvm::Error checkNesting(llvm::StringRef Text, bool Yaml) {
  unsigned Depth = 0, LineNumber = 0;
  char Quote = 0;
  // YAML block structure nests by indentation: the indentations of the
  // enclosing lines, and each "- " that opens a sequence on a line.
  llvm::SmallVector<size_t, 16> Indents;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    ++LineNumber;
    auto TooDeep = [&] {
      return error("it nests deeper than " + llvm::Twine(NestingLimit) +
                   " levels (line " + llvm::Twine(LineNumber) + ")");
    };
    size_t I = 0;
    // The last character on this line that is not blank, outside quotes: in
    // YAML a quote opens a quoted scalar only where a scalar starts (`a"b`
    // and `foo "bar` are plain text, whose brackets the parser does read).
    char Previous = 0;
    auto OpensQuote = [&](size_t At) {
      if (!Yaml || Previous == 0 || llvm::StringRef("[{,").contains(Previous))
        return true;
      return llvm::StringRef(":-?").contains(Previous) && At > 0 &&
             (Line[At - 1] == ' ' || Line[At - 1] == '\t');
    };
    if (Yaml && Depth == 0 && !Quote) {
      unsigned Dashes = 0;
      while (I < Line.size() &&
             (Line[I] == ' ' ||
              (Line[I] == '-' && (I + 1 == Line.size() || Line[I + 1] == ' ')))) {
        Dashes += Line[I] == '-';
        ++I;
      }
      if (I < Line.size() && Line[I] != '#') {
        while (!Indents.empty() && Indents.back() >= I)
          Indents.pop_back();
        Indents.push_back(I);
        if (Indents.size() + Dashes > NestingLimit)
          return TooDeep();
      }
    }
    for (; I < Line.size(); ++I) {
      char C = Line[I];
      if (Quote) {
        if (C == '\\' && Quote == '"')
          ++I;
        else if (C == Quote)
          Quote = 0;
      } else if ((C == '"' || (Yaml && C == '\'')) && OpensQuote(I)) {
        Quote = C;
      } else if (Yaml && C == '#' && (I == 0 || Line[I - 1] == ' ')) {
        break; // a comment
      } else if (C == '[' || C == '{') {
        if (++Depth + Indents.size() > NestingLimit)
          return TooDeep();
      } else if ((C == ']' || C == '}') && Depth) {
        --Depth;
      }
      if (!Quote && C != ' ' && C != '\t')
        Previous = C;
    }
  }
  return llvm::Error::success();
}

llvm::Error checkKeyCount(llvm::StringRef Text) {
  unsigned Keys = 0;
  char Quote = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (Quote) {
      if (C == '\\' && Quote == '"')
        ++I;
      else if (C == Quote)
        Quote = 0;
    } else if (C == '"' || C == '\'') {
      Quote = C;
    } else if (C == '#' && (I == 0 || Text[I - 1] == ' ' ||
                            Text[I - 1] == '\n')) {
      I = std::min(Text.find('\n', I), Text.size()); // a comment
    } else if (C == ':' && (I + 1 == Text.size() || Text[I + 1] == ' ' ||
                            Text[I + 1] == '\n' || Text[I + 1] == '\r')) {
      if (++Keys > ConfigKeyLimit)
        return error("it has more than " + llvm::Twine(ConfigKeyLimit) +
                     " keys");
    }
  }
  return llvm::Error::success();
}

} // namespace session_lint
