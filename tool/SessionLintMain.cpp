//===--- SessionLintMain.cpp - The standalone session-lint tool -----------===//
//
// A clang-tidy driver with only the session module registered. NOLINT,
// `.clang-tidy` discovery, header filtering, printing and fix application
// are the clang-tidy engine's own; what the tool adds is the batch (every
// unit in its own worker process, -j at a time, see Scheduler.h), the
// outputs and the gate (Gate.h), configuration errors that fail loudly, and
// `session-lint merge` for results computed in shards.
//
//===----------------------------------------------------------------------===//

#include "ClangTidy.h"
#include "InputFiles.h"
#include "ClassFacts.h"
#include "CommandLine.h"
#include "ConfigCheck.h"
#include "ExplainCheck.h"
#include "ExplainConfig.h"
#include "ParseErrors.h"
#include "PathGlob.h"
#include "Gate.h"
#include "JsonFormat.h"
#include "SarifFormat.h"
#include "ResultCache.h"
#include "Scheduler.h"
#include "Units.h"
#include "VfsOverlay.h"
#include "Worker.h"
#include "CompilationDatabases.h"
#include "CompileCommands.h"
#include "SourceRootFiles.h"
#include "BuildPathDiscovery.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include <set>
#include <thread>

using namespace clang;
using namespace clang::tidy;
using namespace session_lint;
using namespace session_lint::options;
namespace cl = llvm::cl;

namespace {

const char Overview[] = R"(session-lint finds database session lifetime misuse in C++: sessions kept in
class members or singletons, with static storage, not owned by a scope,
escaping their scope, transactions without a guard, and connection pools
that together overrun the server's max_connections.
It runs the session-* clang-tidy checks; .clang-tidy files, NOLINT comments,
header filters and fixes work as in clang-tidy.

  session-lint [options] FILE... [-- compiler flags]
  session-lint -p BUILD_DIR [FILE...]        (compile_commands.json)
  session-lint merge [options] RESULT...     (combine shard results)
  session-lint explain CHECK                 (the check's documentation)

Exit codes: 0 no findings, 1 findings, 2 usage or configuration error,
3 some translation units could not be analyzed (the others were).
)";

void sayError(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "session-lint") << Message << "\n";
}

void printVersion(llvm::raw_ostream &OS) {
  OS << "session-lint " << SESSION_LINT_VERSION << "\n"
     << "  built with LLVM " << LLVM_VERSION_STRING
     << "; load the plugin only into clang-tidy " << LLVM_VERSION_MAJOR << "."
     << LLVM_VERSION_MINOR << "\n";
}

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  return std::string(Absolute);
}

/// Why a file cannot be analyzed at all, or "".
std::string unreadable(llvm::StringRef File) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(File, Status))
    return EC.message();
  if (llvm::sys::fs::is_directory(Status))
    return "is a directory";
  auto Text = readFileStart(File, 8192);
  if (!Text)
    return llvm::toString(Text.takeError());
  // Source code has no NUL bytes; an object file or an image would only
  // produce pages of compiler errors.
  if (llvm::StringRef(*Text).contains('\0'))
    return "it is a binary file, not source code";
  return "";
}

/// The -p folder, if the command line names one (before "--").
std::optional<std::string> buildPathArgument(int argc, const char **argv) {
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg = argv[I];
    if (Arg == "--")
      break;
    if ((Arg == "-p" || Arg == "--p") && I + 1 < argc)
      return std::string(argv[I + 1]);
    if (Arg.consume_front("-p=") || Arg.consume_front("--p="))
      return Arg.str();
  }
  return std::nullopt;
}

/// Loads the database -p names. CommonOptionsParser would run "without
/// flags" when it does not load, and a CI gate must not silently analyze with
/// no flags; it also loads nothing when no file is named, and then every file
/// of the database is analyzed.
llvm::Expected<std::unique_ptr<tooling::CompilationDatabase>>
loadBuildPath(int argc, const char **argv) {
  std::optional<std::string> BuildPath = buildPathArgument(argc, argv);
  if (!BuildPath)
    return nullptr;
  std::string Error;
  auto Database = loadDatabaseFrom(*BuildPath, Error);
  if (!Database)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot load a compilation database from '" +
                                       *BuildPath + "': " + Error);
  return Database;
}

/// With neither -p nor "--", the nearest compile_commands.json (from the
/// first file named, or the current folder) is used as -p, as clangd finds
/// it (BuildPathDiscovery.h). With none and files named, they are analyzed
/// without flags, as clang-tidy does, but with a note that says how not to.
void discoverBuildPath(std::vector<const char *> &Args) {
  if (buildPathArgument(Args.size(), Args.data()) ||
      llvm::is_contained(Args, llvm::StringRef("--")))
    return;
  bool Quiet = false;
  std::string Start = ".";
  for (llvm::StringRef Arg : llvm::ArrayRef(Args).drop_front()) {
    Quiet |= Arg == "--quiet" || Arg == "-quiet";
    if (Start == "." && !Arg.starts_with("-") &&
        llvm::sys::fs::is_regular_file(Arg))
      Start = llvm::sys::path::parent_path(absolutePath(Arg)).str();
  }
  static std::string Found;
  if (std::optional<std::string> Dir = findBuildPath(Start)) {
    Found = *Dir;
    Args.insert(Args.begin() + 1, {"-p", Found.c_str()});
    if (!Quiet)
      llvm::WithColor::note(llvm::errs(), "session-lint")
          << "using the compilation database in '" << Found
          << "' (found as clangd finds it; -p chooses another)\n";
    return;
  }
  if (Start == ".")
    return; // no file named: said with the other input errors
  Args.push_back("--");
  llvm::WithColor::warning(llvm::errs(), "session-lint")
      << "no compile_commands.json in '" << Start
      << "', the folders above it or their build/ folders: analyzing "
         "without compiler flags; give -p BUILD_DIR (for example -p build), "
         "or the flags after --\n";
}

/// --extra-arg and --extra-arg-before belong to CommonOptionsParser, which
/// applies them only to the database it loads itself.
std::unique_ptr<tooling::CompilationDatabase>
withExtraArgs(std::unique_ptr<tooling::CompilationDatabase> Database) {
  if (!Database)
    return nullptr;
  auto Adjusted =
      std::make_unique<tooling::ArgumentsAdjustingCompilations>(std::move(Database));
  auto ExtraArgs = [](llvm::StringRef Name) {
    auto *Option = static_cast<cl::list<std::string> *>(
        cl::getRegisteredOptions().lookup(Name));
    return Option ? std::vector<std::string>(Option->begin(), Option->end())
                  : std::vector<std::string>();
  };
  Adjusted->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      ExtraArgs("extra-arg-before"), tooling::ArgumentInsertPosition::BEGIN));
  Adjusted->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      ExtraArgs("extra-arg"), tooling::ArgumentInsertPosition::END));
  return Adjusted;
}

/// The real file system, with --vfsoverlay on top (checked at the start of
/// the run).
llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> realFileSystem() {
  auto FS = analysisFileSystem();
  if (FS)
    return *FS;
  llvm::consumeError(FS.takeError());
  return new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem());
}

/// Options that only make sense in some combinations.
bool usageProblems() {
  if ((Fix || FixNotes || FixErrors) && Format != OutputFormat::Text) {
    sayError("--fix prints and applies through the text output; it cannot "
             "be combined with --format=" + formatName(Format));
    return true;
  }
  if (!WriteBaseline.empty() && !Baseline.empty()) {
    sayError("--write-baseline records every finding; it cannot be combined "
             "with --baseline");
    return true;
  }
  return false;
}

int runMerge() {
  std::optional<GateInputs> Inputs = loadGateInputs(/*WithDiff=*/false);
  if (!Inputs || usageProblems())
    return UsageError;
  RunResult Merged;
  for (const std::string &Input : MergeInputs) {
    auto Buffer = readRegularFile(Input, DataSizeLimit);
    if (!Buffer) {
      sayError("cannot read '" + Input + "': " +
               llvm::toString(Buffer.takeError()));
      return UsageError;
    }
    llvm::StringRef Text = (*Buffer)->getBuffer();
    auto Read = Text.contains("\"runs\"") && Text.contains("\"2.1.0\"")
                    ? readSarif(Text, Inputs->SourceRoot)
                    : readJson(Text, Inputs->SourceRoot);
    if (!Read) {
      sayError("cannot merge '" + Input + "': " + llvm::toString(Read.takeError()));
      return UsageError;
    }
    mergeInto(Merged, std::move(*Read));
  }
  auto Provider = createOptionsProvider(realFileSystem());
  if (!Provider)
    return UsageError;
  ClangTidyContext Context(std::move(Provider));
  // The text output quotes the line of each finding: only from files under
  // the source root, whatever a result names (SourceRootFiles.h).
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> UnderRoot(
      new llvm::vfs::OverlayFileSystem(onlyUnderSourceRoot(
          llvm::vfs::getRealFileSystem(), Inputs->SourceRoot)));
  TextOutput Text{Context, FB_NoFix, UnderRoot};
  return finishRun(Merged, *Inputs, Text);
}

/// Validates the configuration of every distinct folder; prints
/// --list-checks / --dump-config. Returns an exit code to stop with, or
/// nothing to go on.
std::optional<int> checkConfiguration(SessionChecksOnly &Provider,
                                      llvm::ArrayRef<std::string> Files) {
  if (!Config.getNumOccurrences() && !ConfigFile.getNumOccurrences() &&
      reportBrokenConfigFiles(Files.empty() ? std::vector<std::string>{"dummy"}
                                            : Files.vec(),
                              llvm::errs()))
    return UsageError;
  std::string FirstFile = absolutePath(Files.empty() ? "dummy" : Files[0]);
  ClangTidyOptions Effective = Provider.getOptions(FirstFile);
  bool Problems = false, AnyEnabled = false;
  llvm::StringSet<> Validated;
  std::set<std::string> Ignored; // sorted: the note does not depend on order
  for (const std::string &File :
       Files.empty() ? std::vector<std::string>{FirstFile} : Files.vec()) {
    ClangTidyOptions Options = Provider.getOptions(absolutePath(File));
    std::vector<std::string> FileChecks = getCheckNames(Options, false);
    AnyEnabled |= !FileChecks.empty();
    if (Validated.insert(configurationAsText(Options)).second)
      Problems |= reportConfigProblems(Options, FileChecks, llvm::errs());
    for (auto &[Source, Globs] : Provider.foreignCheckGlobs(absolutePath(File)))
      Ignored.insert(Globs + " (" + Source + ")");
  }
  if (!Ignored.empty() && !Quiet) {
    llvm::WithColor::note(llvm::errs(), "session-lint")
        << "only session-* checks run; ignoring the other checks the "
           "configuration enables: ";
    llvm::interleave(Ignored, llvm::errs(), "; ");
    llvm::errs() << "\n";
  }
  if (Problems)
    return UsageError;
  if (!AnyEnabled && AllowNoChecks) {
    if (!Quiet)
      llvm::WithColor::note(llvm::errs(), "session-lint")
          << "no session-* check is enabled; nothing to do "
             "(--allow-no-checks)\n";
    return Clean;
  }
  if (!AnyEnabled) {
    sayError("no session-* check is enabled (checks: '" +
             Effective.Checks.value_or("") + "')");
    return UsageError;
  }
  std::vector<std::string> Enabled = getCheckNames(Effective, false);
  if (ExplainConfig) {
    explainConfig(Provider, FirstFile, Enabled, llvm::outs());
    return Clean;
  }
  if (VerifyConfig) {
    // The checks validate their values when created; nothing is run here.
    if (reportCheckOptionValues(Effective, Enabled, llvm::errs()))
      return UsageError;
    llvm::outs() << "No config errors detected.\n";
    return Clean;
  }
  if (ListChecks) {
    llvm::outs() << "Enabled checks:";
    for (const std::string &Name : Enabled)
      llvm::outs() << "\n    " << Name;
    llvm::outs() << "\n\n";
    return Clean;
  }
  if (DumpConfig) {
    Effective.CheckOptions = getCheckOptions(Effective, false);
    ClangTidyOptions Dump = ClangTidyOptions::getDefaults().merge(Effective, 0);
    llvm::outs() << configurationAsText(Dump) << "\n";
    return Clean;
  }
  if (!DeploymentFile.empty() &&
      !llvm::is_contained(Enabled, "session-pool-budget")) {
    sayError("--deployment needs the session-pool-budget check, which the "
             "configuration disables");
    return UsageError;
  }
  return std::nullopt;
}

/// The files named on the command line and in --files-from; nothing after
/// an error (said).
std::optional<std::vector<std::string>>
namedFiles(const tooling::CommonOptionsParser &Parser) {
  std::vector<std::string> Files = Parser.getSourcePathList();
  if (FilesFrom.empty())
    return Files;
  auto Listed = readFileList(FilesFrom);
  if (!Listed) {
    sayError(llvm::toString(Listed.takeError()));
    return std::nullopt;
  }
  if (Listed->empty()) {
    sayError("--files-from '" + FilesFrom + "' lists no files");
    return std::nullopt;
  }
  llvm::append_range(Files, *Listed);
  return Files;
}

/// Units that cannot be analyzed at all — a stale database entry, a command
/// whose folder is gone, a named file with no command — are failures of
/// their own; the batch goes on with the rest.
std::pair<std::vector<Unit>, RunResult>
setAsideUnanalyzable(SelectedUnits &Selected) {
  RunResult Unanalyzable;
  std::vector<Unit> Runnable;
  auto Fail = [&](const std::string &File, std::string Why) {
    Unanalyzable.Units.push_back(File);
    Unanalyzable.Failures.push_back({File, std::move(Why)});
  };
  for (Unit &U : Selected.Units) {
    if (std::string Why = unreadable(U.File); !Why.empty())
      Fail(U.File, "cannot read it: " + Why);
    else if (!llvm::sys::fs::is_directory(U.Command.Directory))
      Fail(U.File, "the directory of its compile command, '" +
                       U.Command.Directory + "', does not exist");
    else
      Runnable.push_back(std::move(U));
  }
  for (const std::string &File : Selected.WithoutCommand)
    Fail(absolutePath(File), "the compilation database has no command for it");
  return {std::move(Runnable), std::move(Unanalyzable)};
}

/// --export-fixes: clang-tidy's YAML for clang-apply-replacements.
bool exportFixes(const RunResult &Result) {
  std::vector<ClangTidyError> Errors;
  for (const session_lint::Diagnostic &D : Result.Diagnostics)
    Errors.push_back(toEngine(D));
  std::string Yaml;
  llvm::raw_string_ostream OS(Yaml);
  exportReplacements(Result.Units.empty() ? "" : Result.Units.front(), Errors,
                     OS);
  if (llvm::Error E = writeFileAtomically(ExportFixes, Yaml)) {
    sayError(llvm::toString(std::move(E)));
    return false;
  }
  return true;
}

int runAnalysis(int OriginalArgc, const char **OriginalArgv) {
  std::vector<const char *> Args(OriginalArgv, OriginalArgv + OriginalArgc);
  discoverBuildPath(Args);
  int argc = Args.size();
  const char **argv = Args.data();
  auto BuildPathDatabase = loadBuildPath(argc, argv);
  if (!BuildPathDatabase) {
    sayError(llvm::toString(BuildPathDatabase.takeError()));
    return UsageError;
  }
  // CommonOptionsParser gets an empty "--" whatever the command line says.
  // With neither -p nor "--", it would look for a database above the first
  // file and read it with clang's reader (which blocks on a FIFO); the flags
  // after "--" it would hand to clang's driver to find the input files among
  // them, and the driver acts on them (runs an offload probe -B names, reads
  // a --config). Both databases are made here instead (CompilationDatabases.h).
  const char **DashDash = std::find(argv, argv + argc, llvm::StringRef("--"));
  bool HasFixedFlags = DashDash != argv + argc;
  std::vector<std::string> FixedFlags(HasFixedFlags ? DashDash + 1 : DashDash,
                                      argv + argc);
  std::vector<const char *> ParserArgs(argv, DashDash);
  ParserArgs.push_back("--");
  int ParserArgc = static_cast<int>(ParserArgs.size());
  auto Parser = tooling::CommonOptionsParser::create(
      ParserArgc, ParserArgs.data(), Category, cl::ZeroOrMore, Overview);
  if (!Parser) {
    reportParseErrors(llvm::toString(Parser.takeError()), argv[0],
                      llvm::errs());
    return UsageError;
  }
  if (usageProblems())
    return UsageError;
  if (auto FS = analysisFileSystem(); !FS) {
    sayError(llvm::toString(FS.takeError()));
    return UsageError;
  }

  auto BaseFS = realFileSystem();
  std::unique_ptr<SessionChecksOnly> Provider = createOptionsProvider(BaseFS);
  if (!Provider)
    return UsageError;

  UnitSelection Selection;
  if (std::optional<std::vector<std::string>> Files = namedFiles(*Parser))
    Selection.Files = std::move(*Files);
  else
    return UsageError;
  bool WholeDatabase = Selection.Files.empty();
  std::unique_ptr<tooling::CompilationDatabase> AllFiles =
      withExtraArgs(std::move(*BuildPathDatabase));
  if (!AllFiles && HasFixedFlags && !WholeDatabase)
    AllFiles = withExtraArgs(fixedFlagsDatabase(FixedFlags));
  // CommonOptionsParser loads no database when no file is on the command
  // line; with -p ours is loaded, with "--" its fixed one always is.
  // Without -p or "--", the database above the first file, as clang-tidy
  // finds it, but loaded as ours (CompilationDatabases.h).
  if (!AllFiles && !HasFixedFlags && !Parser->getSourcePathList().empty()) {
    auto Above = findDatabaseAbove(Parser->getSourcePathList().front());
    if (!Above) {
      sayError(llvm::toString(Above.takeError()));
      return UsageError;
    }
    AllFiles = withExtraArgs(std::move(*Above));
  }
  const tooling::CompilationDatabase *Database = AllFiles.get();
  if (!Database && !Parser->getSourcePathList().empty())
    Database = &Parser->getCompilations();

  std::vector<std::string> ConfigFiles = Selection.Files;
  if (WholeDatabase && Database) {
    // Stale entries are reported as units not analyzed, below.
    ConfigFiles = Database->getAllFiles();
    llvm::erase_if(ConfigFiles, [](const std::string &File) {
      return !unreadable(File).empty();
    });
  }
  if (std::optional<int> Stop = checkConfiguration(*Provider, ConfigFiles))
    return *Stop;
  if (!Database) {
    sayError("no input files, and no compile_commands.json in this folder, "
             "the folders above it or their build/ folders: name files, or "
             "give -p BUILD_DIR (for example -p build)");
    return UsageError;
  }
  if (WholeDatabase && Database->getAllCompileCommands().empty()) {
    sayError("the compilation database of '" +
             buildPathArgument(argc, argv).value_or("") + "' has no entries");
    return UsageError;
  }
  // A named file that cannot be read is a usage error.
  for (const std::string &File : Selection.Files)
    if (std::string Why = unreadable(File); !Why.empty()) {
      sayError("cannot analyze '" + File + "': " + Why);
      return UsageError;
    }

  Selection.Include = splitGlobLists(
      std::vector<std::string>(Include.begin(), Include.end()));
  Selection.Exclude = splitGlobLists(
      std::vector<std::string>(Exclude.begin(), Exclude.end()));
  Selection.SourceRoot = sourceRoot();
  Selection.ResourceDir = findResourceDir();
  Selection.Configured = [&Provider](llvm::StringRef File) {
    ClangTidyOptions Options = Provider->getOptions(File);
    return ConfiguredArgs{Options.ExtraArgsBefore, Options.ExtraArgs};
  };
  if (!Shard.empty())
    if (llvm::Error E = parseShard(Shard, Selection)) {
      sayError(llvm::toString(std::move(E)));
      return UsageError;
    }
  std::optional<GateInputs> Inputs = loadGateInputs(/*WithDiff=*/true);
  if (!Inputs)
    return UsageError;

  auto Selected = selectUnits(*Database, Selection, llvm::errs());
  if (!Selected) {
    sayError(llvm::toString(Selected.takeError()));
    return UsageError;
  }

  // An empty shard is fine (more shards than units); an empty selection is
  // a mistake in the globs.
  if (Selected->Units.empty() && Selected->WithoutCommand.empty() &&
      Selection.ShardCount == 1) {
    sayError("no translation unit to analyze: the selection (--include, "
             "--exclude, --shard, --files-from) leaves none");
    return UsageError;
  }

  auto [Runnable, Unanalyzable] = setAsideUnanalyzable(*Selected);

  std::string PoolMode;
  if (Inputs->Deployment && Inputs->Deployment->Pool)
    PoolMode = Inputs->Deployment->Pool->Mode;
  WorkerJob Job = [PoolMode](const Unit &U, llvm::StringRef ResultPath) {
    auto Options = createOptionsProvider(realFileSystem(), PoolMode);
    std::optional<std::string> Filter;
    if (HeaderFilter.getNumOccurrences())
      Filter = HeaderFilter.getValue();
    return Options ? analyzeInWorker(U, ResultPath, std::move(Options),
                                     FixNotes, std::move(Filter),
                                     /*RecordInputs=*/!CacheDir.empty())
                   : UsageError;
  };
  std::unique_ptr<ResultCache> Cache;
  if (!CacheDir.empty()) {
    // What a worker's result depends on besides the unit's command and the
    // files it reads: the file's effective configuration and the options
    // that reach the worker without going through it.
    auto ConfigurationOf = [&Provider](const Unit &U) {
      return configurationAsText(Provider->getOptions(U.File)) +
             "\n--header-filter: " +
             (HeaderFilter.getNumOccurrences() ? "=" + HeaderFilter.getValue() : "") +
             "\n--fix-notes: " + (FixNotes ? "true" : "false") + "\n";
    };
    auto Opened = ResultCache::open(CacheDir, cacheVersion(argv[0]),
                                    uint64_t(CacheSize) << 20, ConfigurationOf);
    if (!Opened) {
      sayError(llvm::toString(Opened.takeError()));
      return UsageError;
    }
    Cache = std::move(*Opened);
  }
  ScheduleOptions Schedule;
  Schedule.Cache = Cache.get();
  Schedule.Jobs = Jobs ? Jobs : std::max(1u, std::thread::hardware_concurrency());
  Schedule.TimeoutSeconds = Timeout;
  Schedule.ShowProgress = !Quiet && llvm::sys::Process::StandardErrIsDisplayed();
  auto Result = runUnits(Runnable, Job, Schedule, llvm::errs());
  if (!Result) {
    sayError(llvm::toString(Result.takeError()));
    return UsageError;
  }
  settleClassVerdicts(*Result);
  if (Cache) {
    Cache->trim();
    if (!Quiet)
      llvm::errs() << "session-lint: result cache: " << Cache->hits() << " of "
                   << Cache->lookups() << " translation units replayed from '"
                   << Cache->dir() << "'\n";
  }
  mergeInto(*Result, std::move(Unanalyzable));
  assignFingerprints(*Result, Inputs->SourceRoot);

  if (!ExportFixes.empty() && !exportFixes(*Result))
    return UsageError;

  ClangTidyContext Context(std::move(Provider));
  TextOutput Text{Context,
                  FixNotes              ? FB_FixNotes
                  : Fix || FixErrors    ? FB_Fix
                                        : FB_NoFix,
                  BaseFS};
  return finishRun(*Result, *Inputs, Text);
}

} // namespace

int main(int argc, const char **argv) {
  llvm::InitLLVM X(argc, argv);
  cl::SetVersionPrinter(printVersion);
  for (int I = 0; I < argc; ++I) {
    std::string Arg = argv[I];
    bool Plain = !Arg.empty() && Arg.find_first_not_of(
                                     "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP"
                                     "QRSTUVWXYZ0123456789-_=./:,+@%") ==
                                     std::string::npos;
    options::InvocationLine +=
        (I ? " " : "") +
        (Plain ? Arg : "'" + llvm::join(llvm::split(Arg, "'"), "'\\''") + "'");
  }
  cl::HideUnrelatedOptions(Category);

  if (argc > 1 && llvm::StringRef(argv[1]) == "explain")
    return explainCheck(llvm::ArrayRef(argv + 2, argv + argc));
  if (argc > 1 && llvm::StringRef(argv[1]) == "merge") {
    std::string Errors;
    llvm::raw_string_ostream ErrorStream(Errors);
    if (!cl::ParseCommandLineOptions(argc, argv, Overview, &ErrorStream)) {
      reportParseErrors(Errors, argv[0], llvm::errs());
      return UsageError;
    }
    return runMerge();
  }
  return runAnalysis(argc, argv);
}
