//===--- CommandLine.cpp - session-lint's options -------------------------===//

#include "CommandLine.h"
#include "InputFiles.h"
#include "SessionChecksOnly.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"

using namespace clang::tidy;
namespace cl = llvm::cl;

namespace session_lint {
namespace options {

cl::OptionCategory Category("session-lint options");
cl::SubCommand Merge("merge", R"(Combine the JSON or SARIF results of several runs
(shards of one codebase) into one result, as a single
run over all of them would have written it)");

namespace {
// Options of both the run and `merge`.
auto RunAndMerge() { return cl::sub(cl::SubCommand::getTopLevel()); }
auto AlsoMerge() { return cl::sub(Merge); }
} // namespace

cl::opt<std::string> Checks("checks", cl::desc(R"(Comma-separated globs of checks to run, as in
clang-tidy; they are appended to the .clang-tidy
'Checks' value. When no configuration names a
session-* check, all of them run.)"),
                            cl::init(""), cl::cat(Category));
cl::opt<std::string> Config("config", cl::desc(R"(Configuration in YAML, as in .clang-tidy, e.g.
--config="{CheckOptions: {SessionTypes: 'app::Db'}}")"),
                            cl::init(""), cl::cat(Category));
cl::opt<std::string> ConfigFile("config-file", cl::desc(R"(Read the configuration from this file instead of
discovering .clang-tidy files)"),
                                cl::value_desc("filename"), cl::cat(Category));
cl::opt<std::string> HeaderFilter("header-filter", cl::desc(R"(Report findings in headers only when their name
matches this regular expression (default: every
header outside system headers; main files are
always reported))"),
                                  cl::init(""), cl::cat(Category));
cl::opt<std::string> ExcludeHeaderFilter("exclude-header-filter", cl::desc(R"(Do not report findings in headers whose name
matches this regular expression)"),
                                         cl::init(""), cl::cat(Category));
cl::opt<bool> SystemHeaders("system-headers",
                            cl::desc("Show diagnostics from system headers"),
                            cl::init(false), cl::cat(Category));
cl::opt<std::string> WarningsAsErrors("warnings-as-errors", cl::desc(R"(Globs of checks whose warnings are turned into
errors)"),
                                      cl::init(""), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply suggested fixes (text output only)"),
                  cl::init(false), cl::cat(Category));
cl::opt<bool> FixNotes("fix-notes", cl::desc(R"(Apply fixes found in notes (implies --fix))"),
                       cl::init(false), cl::cat(Category));
cl::opt<std::string> ExportFixes("export-fixes", cl::desc(R"(Write the suggested fixes to this YAML file, for
clang-apply-replacements)"),
                                 cl::value_desc("filename"), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc(R"(Do not print statistics or the progress line)"),
                    cl::init(false), cl::cat(Category), RunAndMerge(),
                    AlsoMerge());
cl::opt<bool> UseColor("use-color", cl::desc(R"(Color diagnostics (default: when standard output
is a terminal))"),
                       cl::init(false), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled checks and exit"),
                         cl::init(false), cl::cat(Category));
cl::opt<bool> DumpConfig("dump-config", cl::desc(R"(Print the effective configuration, with every
option of the enabled checks, and exit)"),
                         cl::init(false), cl::cat(Category));

cl::opt<unsigned> Jobs("j", cl::desc(R"(Translation units analyzed in parallel, each in
its own process (default: all cores))"),
                       cl::init(0), cl::value_desc("N"), cl::Prefix,
                       cl::cat(Category));
cl::opt<unsigned> Timeout("timeout", cl::desc(R"(Give up on a translation unit after this many
seconds; it is reported as not analyzed (default:
no limit))"),
                          cl::init(0), cl::value_desc("seconds"),
                          cl::cat(Category));
cl::opt<std::string> CacheDir("cache-dir", cl::desc(R"(Keep each unit's result in this folder, and replay
it on a later run while the unit's command, its
configuration, every file it read and session-lint
itself are unchanged (default: no cache))"),
                              cl::value_desc("folder"), cl::cat(Category));
cl::opt<unsigned> CacheSize("cache-size", cl::desc(R"(Largest size of the --cache-dir folder in MiB;
least recently used results are removed past it
(default: 1024))"),
                            cl::init(1024), cl::value_desc("MiB"),
                            cl::cat(Category));
cl::opt<std::string> FilesFrom("files-from", cl::desc(R"(Analyze the files listed in this file, one per
line ('-' for stdin))"),
                               cl::value_desc("filename"), cl::cat(Category));
// Not cl::CommaSeparated: a comma inside `{a,b}` belongs to its glob
// (splitGlobLists, PathGlob.h).
cl::list<std::string> Include("include", cl::desc(R"(Analyze only files matching one of these globs
(comma-separated; '*' stays in a folder, a '**'
folder is zero or more folders, {a,b} is either))"),
                              cl::value_desc("globs"), cl::cat(Category));
cl::list<std::string> Exclude("exclude", cl::desc(R"(Do not analyze files matching one of these globs)"),
                              cl::value_desc("globs"), cl::cat(Category));
cl::opt<std::string> Shard("shard", cl::desc(R"(Analyze only the K-th of N deterministic parts of
the units (K/N, 1-based), for CI matrices; combine
the parts with 'session-lint merge')"),
                           cl::value_desc("K/N"), cl::cat(Category));
cl::opt<std::string> Diff("diff", cl::desc(R"(Report only findings on lines changed since the
merge base of this git ref and HEAD; '-' reads a
unified diff from stdin)"),
                          cl::value_desc("ref"), cl::cat(Category));
cl::opt<std::string> WriteBaseline("write-baseline", cl::desc(R"(Record the findings in this baseline file and
exit 0 (unless some unit could not be analyzed))"),
                                   cl::value_desc("filename"),
                                   cl::cat(Category));

cl::opt<std::string> LineFilter("line-filter", cl::desc(R"(Report findings only on these lines of these
files, as clang-tidy's JSON:
  [{"name":"a.cpp","lines":[[1,3],[5,5]]},
   {"name":"b.h"}]
A file not listed is not reported; one without
"lines" is reported whole)"),
                                cl::init(""), cl::value_desc("json"),
                                cl::cat(Category));
cl::opt<std::string> FormatStyle("format-style", cl::desc(R"(The style fixes are formatted in, as in
clang-tidy: 'none' (default), 'file' (the
.clang-format of each file), 'llvm', 'google', ...)"),
                                 cl::init(""), cl::value_desc("style"),
                                 cl::cat(Category));
cl::opt<std::string> VfsOverlay("vfsoverlay", cl::desc(R"(Overlay the virtual file system described by this
file over the real one, as clang's -ivfsoverlay)"),
                                cl::value_desc("filename"), cl::cat(Category));
cl::opt<bool> VerifyConfig("verify-config", cl::desc(R"(Check the configuration (misspelled checks and
options, bad values) and exit: 0 when it is
valid, 2 otherwise)"),
                           cl::init(false), cl::cat(Category));
cl::opt<bool> ExplainConfig("explain-config", cl::desc(R"(For each enabled check, say which configuration
source enables it, and exit)"),
                            cl::init(false), cl::cat(Category));
cl::opt<bool> FixErrors("fix-errors", cl::desc(R"(Apply suggested fixes even when some translation
unit has compile errors (implies --fix; --fix
alone applies nothing then))"),
                        cl::init(false), cl::cat(Category));
cl::opt<bool> AllowNoChecks("allow-no-checks", cl::desc(R"(Exit 0, not 2, when the configuration enables no
session-* check)"),
                            cl::init(false), cl::cat(Category));

cl::opt<OutputFormat> Format(
    "format", cl::desc("Output format"),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "clang-style diagnostics (default)"),
               clEnumValN(OutputFormat::Json, "json", "session-lint's JSON"),
               clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0"),
               clEnumValN(OutputFormat::Github, "github",
                          "GitHub Actions annotations (::warning file=...)")),
    cl::init(OutputFormat::Text), cl::cat(Category), RunAndMerge(),
    AlsoMerge());
cl::opt<std::string> Output("output", cl::desc(R"(Write the output to this file (atomically)
instead of standard output)"),
                            cl::value_desc("filename"), cl::cat(Category),
                            RunAndMerge(), AlsoMerge());
cl::opt<std::string> SourceRoot("source-root", cl::desc(R"(Paths in JSON, SARIF (%SRCROOT%), baselines and
reports are relative to this folder (default: the
current directory))"),
                                cl::value_desc("dir"), cl::cat(Category),
                                RunAndMerge(), AlsoMerge());
cl::opt<std::string> DeploymentFile("deployment", cl::desc(R"(YAML file of the deployment: max_connections,
reserved, and each process kind's count and
sources; prints the connection budget of the
pools found, and fails when it is exceeded (R6))"),
                                    cl::value_desc("filename"),
                                    cl::cat(Category), RunAndMerge(),
                                    AlsoMerge());
cl::opt<std::string> Report("report", cl::desc(R"(Write an HTML audit report to DIR/index.html)"),
                            cl::value_desc("dir"), cl::cat(Category),
                            RunAndMerge(), AlsoMerge());
cl::opt<std::string> Baseline("baseline", cl::desc(R"(Accept the findings recorded in this file by
--write-baseline; fail only on new ones)"),
                              cl::value_desc("filename"), cl::cat(Category),
                              RunAndMerge(), AlsoMerge());
cl::opt<std::string> SarifOutput("sarif-output", cl::desc(R"(Also write SARIF to this file (atomically),
whatever --format prints: a file to upload and
findings in the log in one run)"),
                                 cl::value_desc("filename"), cl::cat(Category),
                                 RunAndMerge(), AlsoMerge());
cl::opt<std::string> JsonOutput("json-output", cl::desc(R"(Also write session-lint's JSON to this file
(atomically), whatever --format prints)"),
                                cl::value_desc("filename"), cl::cat(Category),
                                RunAndMerge(), AlsoMerge());
cl::list<std::string> MergeInputs(cl::Positional, cl::OneOrMore,
                                  cl::desc("<result.json|result.sarif>..."),
                                  cl::sub(Merge));
std::string InvocationLine;

} // namespace options

using namespace options;

llvm::StringRef formatName(OutputFormat Format) {
  switch (Format) {
  case OutputFormat::Text:
    return "text";
  case OutputFormat::Json:
    return "json";
  case OutputFormat::Sarif:
    return "sarif";
  case OutputFormat::Github:
    return "github";
  }
  return "text";
}

std::unique_ptr<SessionChecksOnly>
createOptionsProvider(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                      llvm::StringRef PoolMode) {
  ClangTidyGlobalOptions GlobalOptions;
  if (std::error_code EC = LineFilter.empty()
                               ? std::error_code()
                               : parseLineFilter(LineFilter, GlobalOptions)) {
    llvm::WithColor::error(llvm::errs(), "session-lint")
        << "invalid --line-filter: " << EC.message() << "\n";
    return nullptr;
  }
  ClangTidyOptions Defaults;
  Defaults.Checks = "-*,session-*";
  Defaults.WarningsAsErrors = "";
  Defaults.HeaderFilterRegex = "";
  Defaults.SystemHeaders = false;
  Defaults.User = llvm::sys::Process::GetEnv("USER");

  ClangTidyOptions Overrides;
  if (Checks.getNumOccurrences())
    Overrides.Checks = Checks;
  if (WarningsAsErrors.getNumOccurrences())
    Overrides.WarningsAsErrors = WarningsAsErrors;
  if (HeaderFilter.getNumOccurrences())
    Overrides.HeaderFilterRegex = HeaderFilter;
  if (ExcludeHeaderFilter.getNumOccurrences())
    Overrides.ExcludeHeaderFilterRegex = ExcludeHeaderFilter;
  if (SystemHeaders.getNumOccurrences())
    Overrides.SystemHeaders = SystemHeaders;
  if (UseColor.getNumOccurrences())
    Overrides.UseColor = UseColor;
  if (FormatStyle.getNumOccurrences())
    Overrides.FormatStyle = FormatStyle;
  // The deployment's pooler knows its pool_mode better than any
  // configuration file (session-pooler-session-state reads it).
  if (!PoolMode.empty())
    for (llvm::StringRef Key :
         {"PoolMode", "session-pooler-session-state.PoolMode"})
      Overrides.CheckOptions[Key] = {PoolMode, /*Priority=*/1000};

  auto FromText = [&](llvm::StringRef Text, llvm::StringRef Source)
      -> std::unique_ptr<ClangTidyOptionsProvider> {
    llvm::ErrorOr<ClangTidyOptions> Parsed =
        parseConfiguration(llvm::MemoryBufferRef(Text, Source));
    if (!Parsed) {
      llvm::WithColor::error(llvm::errs(), "session-lint")
          << "invalid configuration in " << Source << ": "
          << Parsed.getError().message() << "\n";
      return nullptr;
    }
    return std::make_unique<ConfigOptionsProvider>(
        std::move(GlobalOptions),
        ClangTidyOptions::getDefaults().merge(Defaults, 0), std::move(*Parsed),
        std::move(Overrides), std::move(FS));
  };

  std::unique_ptr<ClangTidyOptionsProvider> Provider;
  if (ConfigFile.getNumOccurrences()) {
    if (Config.getNumOccurrences()) {
      llvm::WithColor::error(llvm::errs(), "session-lint")
          << "--config-file and --config are mutually exclusive\n";
      return nullptr;
    }
    auto Text = readRegularFile(ConfigFile, ConfigSizeLimit);
    llvm::Error Problem =
        Text ? llvm::joinErrors(
                   checkNesting((*Text)->getBuffer(), /*Yaml=*/true),
                   checkKeyCount((*Text)->getBuffer()))
             : Text.takeError();
    if (Problem) {
      llvm::WithColor::error(llvm::errs(), "session-lint")
          << "cannot read config file '" << ConfigFile
          << "': " << llvm::toString(std::move(Problem)) << "\n";
      return nullptr;
    }
    Provider = FromText((*Text)->getBuffer(), ConfigFile);
  } else if (Config.getNumOccurrences()) {
    Provider = FromText(Config, "--config");
  } else {
    Provider = std::make_unique<FileOptionsProvider>(
        std::move(GlobalOptions), std::move(Defaults), std::move(Overrides),
        std::move(FS));
  }
  if (!Provider)
    return nullptr;
  return std::make_unique<SessionChecksOnly>(std::move(Provider));
}

std::string sourceRoot() {
  llvm::SmallString<256> Root(SourceRoot.empty() ? "." : SourceRoot.getValue());
  llvm::sys::fs::make_absolute(Root);
  llvm::sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
  while (Root.size() > 1 && llvm::sys::path::is_separator(Root.back()))
    Root.pop_back();
  return std::string(Root);
}

} // namespace session_lint
