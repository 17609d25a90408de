//===--- SessionLintMain.cpp - The standalone session-lint tool -----------===//
//
// A clang-tidy driver with only the session module registered. NOLINT,
// `.clang-tidy` discovery, header filtering and fix application are the
// clang-tidy engine's own (runClangTidy/handleErrors); what this file adds is
// the command line, configuration errors that fail loudly, and exit codes a
// CI gate can use:
//   0 no findings, 1 findings, 2 usage or configuration error,
//   3 some translation unit could not be parsed (the rest were analyzed).
//
//===----------------------------------------------------------------------===//

#include "ClangTidy.h"
#include "ClangTidyDiagnosticConsumer.h"
#include "ClangTidyOptions.h"
#include "CompileCommands.h"
#include "ConfigCheck.h"
#include "Deployment.h"
#include "SessionChecksByDefault.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"

using namespace clang;
using namespace clang::tidy;
namespace cl = llvm::cl;

namespace {

enum ExitCode { Clean = 0, Findings = 1, UsageError = 2, ParseFailure = 3 };

cl::OptionCategory Category("session-lint options");

const char Overview[] = R"(session-lint finds database session lifetime misuse in C++: sessions kept in
class members or singletons, sessions with static or thread storage duration.
It runs the session-* clang-tidy checks; .clang-tidy files, NOLINT comments,
header filters and fixes work as in clang-tidy.

Exit codes: 0 no findings, 1 findings, 2 usage or configuration error,
3 some files could not be parsed (the others were analyzed).
)";

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
cl::opt<std::string> HeaderFilter("header-filter", cl::desc(R"(Regular expression of headers whose diagnostics
are shown (in addition to the main file))"),
                                  cl::init(""), cl::cat(Category));
cl::opt<std::string> ExcludeHeaderFilter("exclude-header-filter", cl::desc(R"(Regular expression of headers whose diagnostics
are not shown)"),
                                         cl::init(""), cl::cat(Category));
cl::opt<bool> SystemHeaders("system-headers",
                            cl::desc("Show diagnostics from system headers"),
                            cl::init(false), cl::cat(Category));
cl::opt<std::string> WarningsAsErrors("warnings-as-errors", cl::desc(R"(Globs of checks whose warnings are turned into
errors)"),
                                      cl::init(""), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply suggested fixes"), cl::init(false),
                  cl::cat(Category));
cl::opt<bool> FixNotes("fix-notes", cl::desc(R"(Apply fixes found in notes (implies --fix))"),
                       cl::init(false), cl::cat(Category));
cl::opt<std::string> ExportFixes("export-fixes", cl::desc(R"(Write the suggested fixes to this YAML file, for
clang-apply-replacements)"),
                                 cl::value_desc("filename"), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("Do not print statistics"),
                    cl::init(false), cl::cat(Category));
cl::opt<bool> UseColor("use-color", cl::desc(R"(Color diagnostics (default: when standard output
is a terminal))"),
                       cl::init(false), cl::cat(Category));
cl::opt<std::string> DeploymentFile("deployment", cl::desc(R"(YAML file of the deployment: max_connections,
reserved, and each process kind's count and
sources; prints the connection budget of the
pools found, and fails when it is exceeded (R6))"),
                                    cl::value_desc("filename"), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled checks and exit"),
                         cl::init(false), cl::cat(Category));
cl::opt<bool> DumpConfig("dump-config", cl::desc(R"(Print the effective configuration, with every
option of the enabled checks, and exit)"),
                         cl::init(false), cl::cat(Category));

void printVersion(llvm::raw_ostream &OS) {
  OS << "session-lint " << SESSION_LINT_VERSION << "\n"
     << "  built with LLVM " << LLVM_VERSION_STRING
     << "; load the plugin only into clang-tidy " << LLVM_VERSION_MAJOR << "."
     << LLVM_VERSION_MINOR << "\n";
}

std::unique_ptr<ClangTidyOptionsProvider>
createOptionsProvider(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  ClangTidyGlobalOptions GlobalOptions;
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
        std::move(GlobalOptions), ClangTidyOptions::getDefaults().merge(Defaults, 0),
        std::move(*Parsed), std::move(Overrides), std::move(FS));
  };

  if (ConfigFile.getNumOccurrences()) {
    if (Config.getNumOccurrences()) {
      llvm::WithColor::error(llvm::errs(), "session-lint")
          << "--config-file and --config are mutually exclusive\n";
      return nullptr;
    }
    auto Text = llvm::MemoryBuffer::getFile(ConfigFile);
    if (!Text) {
      llvm::WithColor::error(llvm::errs(), "session-lint")
          << "cannot read config file '" << ConfigFile
          << "': " << Text.getError().message() << "\n";
      return nullptr;
    }
    return FromText((*Text)->getBuffer(), ConfigFile);
  }
  if (Config.getNumOccurrences())
    return FromText(Config, "--config");
  return std::make_unique<FileOptionsProvider>(
      std::move(GlobalOptions), std::move(Defaults), std::move(Overrides),
      std::move(FS));
}

std::unique_ptr<ClangTidyOptionsProvider>
createSessionOptionsProvider(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  std::unique_ptr<ClangTidyOptionsProvider> Provider = createOptionsProvider(FS);
  if (!Provider)
    return nullptr;
  return std::make_unique<session_lint::SessionChecksByDefault>(
      std::move(Provider));
}

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  return std::string(Absolute);
}

/// Files that cannot be analyzed at all are usage errors, said up front.
bool reportUnreadableFiles(llvm::ArrayRef<std::string> Files) {
  bool Any = false;
  for (const std::string &File : Files) {
    llvm::sys::fs::file_status Status;
    std::string Problem;
    if (std::error_code EC = llvm::sys::fs::status(File, Status))
      Problem = EC.message();
    else if (llvm::sys::fs::is_directory(Status))
      Problem = "is a directory";
    else if (std::error_code EC =
                 llvm::sys::fs::access(File, llvm::sys::fs::AccessMode::Exist))
      Problem = EC.message();
    if (Problem.empty())
      continue;
    Any = true;
    llvm::WithColor::error(llvm::errs(), "session-lint")
        << "cannot analyze '" << File << "': " << Problem << "\n";
  }
  return Any;
}

bool writeFixesAtomically(llvm::StringRef Path, llvm::StringRef MainFile,
                          const std::vector<ClangTidyError> &Errors) {
  llvm::SmallString<256> Temp;
  int FD;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Path + ".tmp-%%%%%%", FD, Temp)) {
    llvm::WithColor::error(llvm::errs(), "session-lint")
        << "cannot write '" << Path << "': " << EC.message() << "\n";
    return false;
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    exportReplacements(MainFile, Errors, OS);
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    llvm::WithColor::error(llvm::errs(), "session-lint")
        << "cannot write '" << Path << "': " << EC.message() << "\n";
    return false;
  }
  return true;
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
  auto Database =
      tooling::CompilationDatabase::autoDetectFromDirectory(*BuildPath, Error);
  if (!Database)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot load a compilation database from '" +
                                       *BuildPath + "': " + Error);
  return Database;
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

void printSuppressed(const ClangTidyStats &Stats) {
  if (!Stats.errorsIgnored())
    return;
  llvm::errs() << "Suppressed " << Stats.errorsIgnored() << " warnings ("
               << Stats.ErrorsIgnoredNOLINT << " NOLINT, "
               << Stats.ErrorsIgnoredNonUserCode << " in non-user code, "
               << Stats.ErrorsIgnoredCheckFilter << " by check filters).\n";
}

} // namespace

int main(int argc, const char **argv) {
  llvm::InitLLVM X(argc, argv);
  cl::SetVersionPrinter(printVersion);
  cl::HideUnrelatedOptions(Category);

  auto BuildPathDatabase = loadBuildPath(argc, argv);
  if (!BuildPathDatabase) {
    llvm::WithColor::error(llvm::errs(), "session-lint")
        << llvm::toString(BuildPathDatabase.takeError()) << "\n";
    return UsageError;
  }
  auto Parser = tooling::CommonOptionsParser::create(
      argc, argv, Category, cl::ZeroOrMore, Overview);
  if (!Parser) {
    llvm::WithColor::error(llvm::errs(), "session-lint")
        << llvm::toString(Parser.takeError()) << "\n";
    return UsageError;
  }

  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem()));
  std::unique_ptr<ClangTidyOptionsProvider> Provider =
      createSessionOptionsProvider(BaseFS);
  if (!Provider)
    return UsageError;

  std::vector<std::string> Files = Parser->getSourcePathList();
  std::unique_ptr<tooling::CompilationDatabase> AllFilesDatabase =
      withExtraArgs(std::move(*BuildPathDatabase));
  const tooling::CompilationDatabase *Database =
      Files.empty() ? AllFilesDatabase.get() : &Parser->getCompilations();
  if (Files.empty() && Database && !ListChecks && !DumpConfig) {
    Files = Database->getAllFiles();
    llvm::sort(Files);
  }
  std::string FirstFile = absolutePath(Files.empty() ? "dummy" : Files[0]);
  ClangTidyOptions Effective = Provider->getOptions(FirstFile);
  std::vector<std::string> Enabled = getCheckNames(Effective, false);

  // Each folder may have its own .clang-tidy: validate every distinct one.
  bool ConfigProblems = false, AnyEnabled = false;
  llvm::StringSet<> Validated;
  for (const std::string &File :
       Files.empty() ? std::vector<std::string>{FirstFile} : Files) {
    ClangTidyOptions Options = Provider->getOptions(absolutePath(File));
    std::vector<std::string> FileChecks = getCheckNames(Options, false);
    AnyEnabled |= !FileChecks.empty();
    if (Validated.insert(configurationAsText(Options)).second)
      ConfigProblems |=
          session_lint::reportConfigProblems(Options, FileChecks, llvm::errs());
  }
  if (ConfigProblems)
    return UsageError;
  if (!AnyEnabled) {
    llvm::WithColor::error(llvm::errs(), "session-lint")
        << "no session-* check is enabled (checks: '"
        << Effective.Checks.value_or("") << "')\n";
    return UsageError;
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
  if (Files.empty()) {
    llvm::WithColor::error(llvm::errs(), "session-lint")
        << "no input files: name files, or give -p with a "
           "compile_commands.json\n";
    return UsageError;
  }
  // A named file that cannot be read is a usage error; a stale entry of the
  // compilation database is a unit that could not be analyzed (exit 3), and
  // the batch goes on.
  bool ParseError = false;
  if (!Parser->getSourcePathList().empty()) {
    if (reportUnreadableFiles(Files))
      return UsageError;
  } else {
    llvm::erase_if(Files, [&](const std::string &File) {
      bool Unreadable = reportUnreadableFiles({File});
      ParseError |= Unreadable;
      return Unreadable;
    });
  }

  std::optional<session_lint::Deployment> Deployment;
  if (!DeploymentFile.empty()) {
    auto Read = session_lint::readDeployment(DeploymentFile);
    if (!Read) {
      llvm::WithColor::error(llvm::errs(), "session-lint")
          << llvm::toString(Read.takeError()) << "\n";
      return UsageError;
    }
    if (!llvm::is_contained(Enabled, "session-pool-budget")) {
      llvm::WithColor::error(llvm::errs(), "session-lint")
          << "--deployment needs the session-pool-budget check, which the "
             "configuration disables\n";
      return UsageError;
    }
    Deployment = std::move(*Read);
  }

  session_lint::SafeCompilations Compilations(*Database,
                                              session_lint::findResourceDir());
  ClangTidyContext Context(std::move(Provider));
  std::vector<ClangTidyError> Errors =
      runClangTidy(Context, Compilations, Files, BaseFS,
                   /*ApplyAnyFix=*/FixNotes, /*EnableCheckProfile=*/false);

  bool ConfigError = false;
  unsigned FindingCount = 0;
  for (const ClangTidyError &Error : Errors) {
    llvm::StringRef Name = Error.DiagnosticName;
    if (Name == "clang-tidy-config")
      ConfigError |= Error.DiagLevel == ClangTidyError::Error;
    else if (Name == "clang-diagnostic-error")
      ParseError = true;
    // Compiler warnings (also under -Werror) and remarks (the pool budget's
    // audit) are not findings.
    else if (!Name.starts_with("clang-diagnostic-") &&
             Error.DiagLevel != ClangTidyError::Remark)
      ++FindingCount; // also when WarningsAsErrors made it an error
  }

  FixBehaviour Behaviour = FixNotes ? FB_FixNotes : Fix ? FB_Fix : FB_NoFix;
  unsigned WarningsAsErrorsCount = 0;
  handleErrors(Errors, Context, Behaviour, WarningsAsErrorsCount, BaseFS);
  if (!ExportFixes.empty() && !Errors.empty() &&
      !writeFixesAtomically(ExportFixes, FirstFile, Errors))
    return UsageError;
  if (!Quiet) {
    printSuppressed(Context.getStats());
    if (WarningsAsErrorsCount)
      llvm::errs() << WarningsAsErrorsCount << " warnings treated as errors\n";
  }

  bool OverBudget = false;
  if (Deployment) {
    std::vector<std::string> Analyzed;
    for (const std::string &File : Files)
      Analyzed.push_back(absolutePath(File));
    auto Fits = session_lint::reportBudget(
        *Deployment, Analyzed, session_lint::poolsIn(Errors), llvm::outs());
    if (!Fits) {
      llvm::WithColor::error(llvm::errs(), "session-lint")
          << llvm::toString(Fits.takeError()) << "\n";
      return UsageError;
    }
    OverBudget = !*Fits;
  }

  if (ConfigError)
    return UsageError;
  if (ParseError) {
    llvm::errs() << "session-lint: some files could not be parsed; the "
                    "findings above are from the rest\n";
    return ParseFailure;
  }
  return FindingCount || OverBudget ? Findings : Clean;
}
