//===--- CompilationDatabases.h - Loading the analyzed tree's database ----===//
//
// Clang's own loader of compile_commands.json wraps the database in one that
// expands response files (`@args.rsp`) when a command is asked for: with the
// real file system, blocking on a FIFO, reading /dev/zero until memory runs
// out, in the parent, before any worker. session-lint loads the database
// without that layer (clang's JSON reader, then the same inference of
// missing commands and of the target and driver mode from the compiler's
// name); the compile-flag policy expands response files itself, safely
// (ResponseFiles.h). Like everything the parent reads, the database files
// are read only when they are regular files (InputFiles.h).
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_COMPILATIONDATABASES_H
#define SESSION_LINT_TOOL_COMPILATIONDATABASES_H

#include "clang/Tooling/CompilationDatabase.h"
#include <memory>
#include <string>

namespace session_lint {

/// The database of \p Directory: its compile_commands.json, or its
/// compile_flags.txt; null with \p Error set when it has neither.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadDatabaseFrom(llvm::StringRef Directory, std::string &Error);

/// The database of the flags after `--`: every file gets them. Clang's own
/// (FixedCompilationDatabase::loadFromCommandLine) finds the input files
/// among them by building a compilation with clang's driver, which acts on
/// the flags before session-lint's policy sees them; here they are found on
/// the driver's option table alone, and left out.
std::unique_ptr<clang::tooling::CompilationDatabase>
fixedFlagsDatabase(llvm::ArrayRef<std::string> Flags);

/// The database of the nearest folder above \p SourceFile that has one, as
/// clang-tidy looks for it when no -p and no `--` is given; null if none, an
/// error if the nearest one cannot be read (a FIFO) or parsed.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
findDatabaseAbove(llvm::StringRef SourceFile);

} // namespace session_lint

#endif
