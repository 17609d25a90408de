//===--- ParseErrors.cpp - Command-line errors said once, plainly ---------===//

#include "ParseErrors.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include <cstring>

namespace session_lint {

void reportParseErrors(llvm::StringRef Text, llvm::StringRef Program,
                       llvm::raw_ostream &OS) {
  std::string Prefix = (llvm::sys::path::filename(Program) + ": ").str();
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  Text.trim().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  bool First = true, UnknownPath = false;
  for (llvm::StringRef Line : Lines) {
    Line.consume_front(Prefix);
    Line = Line.trim();
    // "Unknown command line argument '-src/a.cpp'.  Try: '... --help'"
    if (Line.starts_with("Unknown command line argument '")) {
      llvm::StringRef Argument =
          Line.drop_front(strlen("Unknown command line argument '"))
              .split("'").first;
      UnknownPath = Argument.contains('/') || Argument.contains('.');
      if (UnknownPath)
        Line = Line.split(".  Try:").first;
    }
    if (Line.starts_with("Did you mean") && UnknownPath) {
      llvm::WithColor::note(OS, "session-lint")
          << "a file whose name starts with '-' is written './-name'; "
             "options are listed by --help\n";
      continue;
    }
    if (First)
      llvm::WithColor::error(OS, "session-lint") << Line << "\n";
    else
      llvm::WithColor::note(OS, "session-lint") << Line << "\n";
    First = false;
  }
}

} // namespace session_lint
