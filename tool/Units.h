//===--- Units.h - Which translation units a run analyzes -----------------===//
//
// A run analyzes units: a main file with one compile command. With files on
// the command line (or --files-from), each file's commands; with only -p,
// every entry of compile_commands.json. A file listed twice is analyzed once
// per distinct command. --include/--exclude globs narrow the set, and
// --shard=K/N keeps a deterministic Nth of it: units are assigned by a hash
// of their path relative to the source root, so the split does not depend on
// the order of the database or on where the checkout lives.
//
// Commands are made safe here (see CompileCommands.h), once per unit and in
// sorted order, with the .clang-tidy ExtraArgs of the unit's file put in
// first, so the notes about dropped options are deterministic and nothing
// reaches a worker that the policy did not see.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_UNITS_H
#define SESSION_LINT_TOOL_UNITS_H

#include "CompileCommands.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <string>
#include <vector>

namespace session_lint {

struct Unit {
  std::string File; // absolute
  clang::tooling::CompileCommand Command;
};

struct UnitSelection {
  /// Files named on the command line or in --files-from; empty = the whole
  /// database.
  std::vector<std::string> Files;
  std::vector<std::string> Include;
  std::vector<std::string> Exclude;
  unsigned Shard = 1; // 1-based
  unsigned ShardCount = 1;
  std::string SourceRoot;
  std::string ResourceDir;
  /// The configuration's ExtraArgsBefore / ExtraArgs for a file.
  std::function<ConfiguredArgs(llvm::StringRef File)> Configured;
};

/// Parses "K/N" (1 <= K <= N).
llvm::Error parseShard(llvm::StringRef Text, UnitSelection &Selection);

/// Reads --files-from: one path per line, blank lines and '#' comments
/// skipped, relative paths relative to the current directory.
llvm::Expected<std::vector<std::string>> readFileList(llvm::StringRef Path);

struct SelectedUnits {
  std::vector<Unit> Units;
  /// Named files the database has no command for.
  std::vector<std::string> WithoutCommand;
};

/// The units to analyze, sorted by file and command. Notes about options
/// removed from commands go to \p Notes.
llvm::Expected<SelectedUnits>
selectUnits(const clang::tooling::CompilationDatabase &Database,
            const UnitSelection &Selection, llvm::raw_ostream &Notes);

} // namespace session_lint

#endif
