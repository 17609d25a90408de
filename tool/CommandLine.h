//===--- CommandLine.h - session-lint's options ---------------------------===//
//
// The options of `session-lint` (the run) and of `session-lint merge`, in
// one place: the output options are shared by the run and the merge.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_COMMANDLINE_H
#define SESSION_LINT_TOOL_COMMANDLINE_H

#include "ClangTidyOptions.h"
#include "SessionChecksOnly.h"
#include "llvm/Support/CommandLine.h"

namespace session_lint {

enum class OutputFormat { Text, Json, Sarif, Github };

/// The --format value that names \p Format.
llvm::StringRef formatName(OutputFormat Format);

namespace options {
extern llvm::cl::OptionCategory Category;
extern llvm::cl::SubCommand Merge;

// The analysis.
extern llvm::cl::opt<std::string> Checks, Config, ConfigFile, HeaderFilter,
    ExcludeHeaderFilter, WarningsAsErrors;
extern llvm::cl::opt<bool> SystemHeaders, FixNotes;

// The run.
extern llvm::cl::opt<bool> Fix, Quiet, UseColor, ListChecks, DumpConfig;
extern llvm::cl::opt<std::string> ExportFixes, FilesFrom, Shard, Diff,
    WriteBaseline, CacheDir;
extern llvm::cl::list<std::string> Include, Exclude;
extern llvm::cl::opt<unsigned> Jobs, Timeout, CacheSize;

// More of clang-tidy's options, for those who come from it.
extern llvm::cl::opt<std::string> LineFilter, FormatStyle, VfsOverlay;
extern llvm::cl::opt<bool> VerifyConfig, ExplainConfig, FixErrors,
    AllowNoChecks;

// The run and the merge.
extern llvm::cl::opt<OutputFormat> Format;
extern llvm::cl::opt<std::string> Output, SourceRoot, DeploymentFile, Report,
    Baseline, SarifOutput, JsonOutput;
extern llvm::cl::list<std::string> MergeInputs;
/// The command line as typed, for the report.
extern std::string InvocationLine;
} // namespace options

/// clang-tidy's options provider for the analysis options above, running
/// only session-* checks (SessionChecksOnly.h); null after an error (said on
/// stderr).
std::unique_ptr<SessionChecksOnly>
createOptionsProvider(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                      llvm::StringRef PoolMode = "");

/// --source-root, or the current directory; absolute, without a trailing
/// separator.
std::string sourceRoot();

} // namespace session_lint

#endif
