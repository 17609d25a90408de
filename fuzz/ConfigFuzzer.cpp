//===--- ConfigFuzzer.cpp - The option and deployment readers, fuzzed -----===//
//
// A libFuzzer target for everything session-lint reads from a user's
// configuration before it analyzes code: every session option (SPEC §3), read
// both as a check reads it (ClangTidyCheck::OptionsView, so local keys
// `session-<check>.Name` and global keys `Name` meet in getLocalOrGlobal) and
// as the tool reads options no enabled check reads (an OptionLookup); and the
// deployment YAML of `--deployment` (session_lint::parseDeployment).
//
// An input is text. Lines `Key: value` are options (the key as written in
// CheckOptions); the whole input is also parsed as a deployment file, so the
// seeds of one kind stay cheap for the other and crossover mixes them. A
// first line `#options` or `#deployment` keeps an input to one reader, which
// keeps reproducers small.
//
// What counts as a bug: a crash, a sanitizer report, a leak, a hang. A bad
// value must come back as a configuration error naming the option; the
// target also checks that an input with errors is never reported valid.
//
//===----------------------------------------------------------------------===//

#include "ClangTidyCheck.h"
#include "ClangTidyDiagnosticConsumer.h"
#include "Deployment.h"
#include "model/SessionOptions.h"
#include "llvm/ADT/StringMap.h"
#include <cstdint>
#include <cstdlib>

using namespace clang::tidy;
using namespace clang::tidy::session;

namespace {

constexpr unsigned AllGroups = TypeOptions | ScopeClassOptions |
                               AcquireReleaseOptions | TransactionOptions |
                               ThreadLocalOptions | PoolBudgetOptions;

/// The check name the probe reads its local options under; the seeds use it
/// so that local keys win over global ones somewhere in the corpus.
constexpr llvm::StringLiteral ProbeName = "session-member-storage";

/// Reads the options as a real check does, from its constructor.
class OptionsProbe : public ClangTidyCheck {
public:
  OptionsProbe(ClangTidyContext *Context, std::vector<std::string> &Errors)
      : ClangTidyCheck(ProbeName, Context),
        Read(readSessionOptions(
            Options, ProbeName, AllGroups,
            [&](const std::string &Error) { Errors.push_back(Error); })) {}

  void storeOptions(ClangTidyOptions::OptionMap &Map) override {
    storeSessionOptions(Options, Map, AllGroups);
  }

  SessionOptions Read;
};

/// The names the lists are matched against: what the type and call
/// classification asks of them.
const char *const Probes[] = {"pqxx::connection", "app::Db", "PGconn",
                              "app::legacy::OrderHandle", "", "::",
                              "soci::connection_pool", "a::b::c"};

void exercise(const SessionOptions &Read) {
  for (const char *Name : Probes) {
    (void)Read.SessionTypes.matches(Name);
    (void)Read.PoolTypes.matches(Name);
    (void)Read.GuardTypes.matches(Name);
    (void)Read.ScopeClasses.matches(Name);
    (void)Read.TransactionGuardTypes.matches(Name);
  }
}

void fuzzOptions(llvm::StringRef Text) {
  llvm::StringMap<std::string> Values;
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    auto [Key, Value] = Line.split(':');
    if (Key.trim().empty() || Key.starts_with("#"))
      continue;
    Values[Key.trim()] = Value.trim().str();
  }

  // As a check reads them: local and global keys through the context.
  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  for (const auto &Entry : Values)
    Options.CheckOptions[Entry.getKey()] =
        ClangTidyOptions::ClangTidyValue(Entry.getValue());
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), Options));
  Context.setCurrentFile("fuzz.cpp");
  std::vector<std::string> Errors;
  OptionsProbe Probe(&Context, Errors);
  if (!Errors.empty() && Probe.Read.Valid)
    std::abort(); // an error reported, yet the options look usable
  exercise(Probe.Read);
  ClangTidyOptions::OptionMap Stored;
  Probe.storeOptions(Stored);

  // As the tool reads options no enabled check reads: global keys only.
  std::vector<std::string> LookupErrors;
  SessionOptions Looked = readSessionOptions(
      [&](llvm::StringRef Name) -> std::optional<llvm::StringRef> {
        auto It = Values.find(Name);
        if (It == Values.end())
          return std::nullopt;
        return llvm::StringRef(It->getValue());
      },
      " of the fuzzer", AllGroups,
      [&](const std::string &Error) { LookupErrors.push_back(Error); });
  if (!LookupErrors.empty() && Looked.Valid)
    std::abort();
  exercise(Looked);

  for (const auto &Entry : Values)
    (void)optionGroupOf(Entry.getKey());
}

void fuzzDeployment(llvm::StringRef Text) {
  // The pgbouncer.ini reader, on the same bytes.
  if (auto Pooler = session_lint::parsePgBouncerIni(Text, "fuzz.ini"))
    (void)Pooler->serverConnections();
  else
    llvm::consumeError(Pooler.takeError());
  llvm::Expected<session_lint::Deployment> D =
      session_lint::parseDeployment(Text, "fuzz-deployment.yaml", "/fuzz");
  if (!D) {
    llvm::consumeError(D.takeError());
    return;
  }
  // A deployment that parses must have passed its own validation.
  if (D->MaxConnections <= 0 || D->Reserved < 0 ||
      D->Reserved >= D->MaxConnections || D->Processes.empty())
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  bool OnlyOptions = Text.starts_with("#options");
  bool OnlyDeployment = Text.starts_with("#deployment");
  if (!OnlyDeployment)
    fuzzOptions(Text);
  if (!OnlyOptions)
    fuzzDeployment(Text);
  return 0;
}
