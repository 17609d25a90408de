//===--- ParseErrors.h - Command-line errors said once, plainly -----------===//
//
// LLVM's command-line parser writes its errors prefixed with the program's
// name ("session-lint: Unknown command line argument ..."); printed as
// session-lint's error that read "session-lint: error: session-lint: ...".
// Its suggestion is the nearest option by spelling, even for a path
// ("-src/shard.cpp": "did you mean '--shard'?"), which misleads. This prints
// each line once, as an error then notes, and drops a suggestion made for
// what is plainly a path.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_PARSEERRORS_H
#define SESSION_LINT_TOOL_PARSEERRORS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace session_lint {

/// \p Text is what the parser wrote for \p Program (argv[0]).
void reportParseErrors(llvm::StringRef Text, llvm::StringRef Program,
                       llvm::raw_ostream &OS);

} // namespace session_lint

#endif
