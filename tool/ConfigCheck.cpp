//===--- ConfigCheck.cpp - Fail loudly on a misspelled check or option ----===//

#include "ConfigCheck.h"
#include "InputFiles.h"
#include "ClangTidy.h"
#include "model/SessionOptions.h"
#include "model/SessionOptionsFromMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"

using namespace clang::tidy;

namespace session_lint {
namespace {

llvm::StringRef closest(llvm::StringRef Value, const llvm::StringSet<> &Valid) {
  unsigned Best = 5;
  llvm::StringRef Closest;
  for (llvm::StringRef Candidate : Valid.keys()) {
    unsigned Distance = Value.edit_distance_insensitive(Candidate, true, Best);
    if (Distance < Best) {
      Best = Distance;
      Closest = Candidate;
    }
  }
  return Closest;
}

void suggest(llvm::raw_ostream &OS, llvm::StringRef Value,
             const llvm::StringSet<> &Valid) {
  llvm::StringRef Closest = closest(Value, Valid);
  if (!Closest.empty())
    OS << "; did you mean '" << Closest << "'?";
  OS << "\n";
}

} // namespace

bool reportConfigProblems(const ClangTidyOptions &Options,
                          llvm::ArrayRef<std::string> Enabled,
                          llvm::raw_ostream &OS) {
  NamesAndOptions Known = getAllChecksAndOptions(false);
  bool Problems = false;
  // clang-tidy takes an invalid header filter as one that matches nothing.
  for (auto [Name, Value] :
       {std::pair{"HeaderFilterRegex", Options.HeaderFilterRegex},
        std::pair{"ExcludeHeaderFilterRegex", Options.ExcludeHeaderFilterRegex}}) {
    std::string Why;
    if (!Value || Value->empty() || llvm::Regex(*Value).isValid(Why))
      continue;
    Problems = true;
    llvm::WithColor::error(OS, "session-lint")
        << "invalid regular expression '" << *Value << "' in '" << Name
        << "' (--" << (llvm::StringRef(Name).starts_with("Exclude")
                           ? "exclude-header-filter"
                           : "header-filter")
        << "): " << Why << "\n";
  }
  std::string ChecksText = Options.Checks.value_or("");
  llvm::SmallVector<llvm::StringRef, 8> Globs;
  llvm::StringRef(ChecksText).split(Globs, ',');
  for (llvm::StringRef Glob : Globs) {
    Glob = Glob.trim();
    Glob.consume_front("-");
    if (!Glob.starts_with("session-"))
      continue;
    std::string Expression = "^";
    for (char C : Glob)
      Expression += C == '*' ? ".*" : llvm::Regex::escape(llvm::StringRef(&C, 1));
    llvm::Regex Pattern(Expression + "$");
    if (llvm::any_of(Known.Names.keys(),
                     [&](llvm::StringRef Name) { return Pattern.match(Name); }))
      continue;
    Problems = true;
    llvm::WithColor::error(OS, "session-lint")
        << "check '" << Glob << "' in the 'Checks' option matches no check";
    suggest(OS, Glob, Known.Names);
  }
  llvm::StringSet<> OurNames;
  for (llvm::StringRef Name : clang::tidy::session::sessionOptionNames())
    OurNames.insert(Name);
  for (const auto &Option : Options.CheckOptions) {
    llvm::StringRef Key = Option.getKey();
    if (Key.starts_with("session-")) {
      if (Known.Options.contains(Key))
        continue;
      Problems = true;
      llvm::WithColor::error(OS, "session-lint")
          << "unknown option '" << Key << "'";
      suggest(OS, Key, Known.Options);
      continue;
    }
    // A global key may belong to another tool; one a typo away from ours
    // is ours, misspelled.
    if (Key.contains('.') || OurNames.contains(Key))
      continue;
    llvm::StringRef Closest = closest(Key, OurNames);
    if (Closest.empty() ||
        Key.edit_distance_insensitive(Closest, true, 3) > 2)
      continue;
    Problems = true;
    llvm::WithColor::error(OS, "session-lint")
        << "unknown option '" << Key << "'";
    suggest(OS, Key, OurNames);
  }

  // Options no enabled check reads are validated here, or never.
  // An option several groups share (TransactionGuardTypes) says nothing of
  // which groups a check reads; the checks that read it validate it.
  auto isShared = [](unsigned Group) { return (Group & (Group - 1)) != 0; };
  unsigned ReadGroups = 0;
  llvm::StringSet<> ReadOptions;
  for (llvm::StringRef Key : Known.Options.keys()) {
    auto [Check, Option] = Key.split('.');
    if (!llvm::is_contained(Enabled, Check))
      continue;
    ReadOptions.insert(Option);
    unsigned Group = clang::tidy::session::optionGroupOf(Option);
    if (!isShared(Group))
      ReadGroups |= Group;
  }
  unsigned AllGroups = 0;
  for (llvm::StringRef Name : clang::tidy::session::sessionOptionNames())
    AllGroups |= clang::tidy::session::optionGroupOf(Name);
  auto Lookup = [&](llvm::StringRef Name) -> std::optional<llvm::StringRef> {
    if (ReadOptions.contains(Name))
      return std::nullopt;
    auto Found = Options.CheckOptions.find(Name);
    if (Found == Options.CheckOptions.end())
      return std::nullopt;
    return llvm::StringRef(Found->getValue().Value);
  };
  clang::tidy::session::readSessionOptions(
      Lookup, " (read by no enabled check)", AllGroups & ~ReadGroups,
      [&](const std::string &Error) {
        Problems = true;
        llvm::WithColor::error(OS, "session-lint") << Error << "\n";
      });
  return Problems;
}

bool reportCheckOptionValues(const ClangTidyOptions &Options,
                             llvm::ArrayRef<std::string> Enabled,
                             llvm::raw_ostream &OS) {
  NamesAndOptions Known = getAllChecksAndOptions(false);
  llvm::StringSet<> Said;
  for (const std::string &Check : Enabled) {
    unsigned Groups = 0;
    for (llvm::StringRef Key : Known.Options.keys()) {
      auto [Owner, Option] = Key.split('.');
      if (Owner == Check)
        Groups |= clang::tidy::session::optionGroupOf(Option);
    }
    clang::tidy::session::readSessionOptions(
        Options.CheckOptions, Check, Groups, [&](const std::string &Error) {
          if (Said.insert(Error).second)
            llvm::WithColor::error(OS, "session-lint")
                << Error << " [clang-tidy-config]\n";
        });
  }
  return !Said.empty();
}

std::optional<ConfigTextProblem> checkConfigText(llvm::MemoryBufferRef Text) {
  if (llvm::Error Shape =
          llvm::joinErrors(checkNesting(Text.getBuffer(), /*Yaml=*/true),
                           checkKeyCount(Text.getBuffer())))
    return ConfigTextProblem{true, llvm::toString(std::move(Shape))};
  std::string Problems;
  llvm::raw_string_ostream Diags(Problems);
  auto Parsed = clang::tidy::parseConfigurationWithDiags(
      Text, [&](const llvm::SMDiagnostic &D) {
        D.print(nullptr, Diags, /*ShowColors=*/false);
      });
  if (Parsed)
    return std::nullopt;
  return ConfigTextProblem{
      false, Problems.empty() ? Parsed.getError().message() + "\n" : Problems};
}

bool reportBrokenConfigFiles(llvm::ArrayRef<std::string> Files,
                             llvm::raw_ostream &OS) {
  llvm::StringSet<> Seen;
  bool Any = false;
  for (const std::string &File : Files) {
    llvm::SmallString<256> Dir(File);
    llvm::sys::fs::make_absolute(Dir);
    llvm::sys::path::remove_filename(Dir);
    // truncate, not assign: parent_path refers into Dir itself.
    for (; !Dir.empty();
         Dir.truncate(llvm::sys::path::parent_path(Dir).size())) {
      if (!Seen.insert(Dir).second)
        break;
      llvm::SmallString<256> Config(Dir);
      llvm::sys::path::append(Config, ".clang-tidy");
      if (!llvm::sys::fs::exists(Config))
        continue;
      auto Text = readRegularFile(Config, ConfigSizeLimit);
      std::optional<ConfigTextProblem> Problem =
          Text ? checkConfigText((*Text)->getMemBufferRef())
               : ConfigTextProblem{true, llvm::toString(Text.takeError())};
      if (!Problem)
        continue;
      Any = true;
      if (Problem->Refused)
        llvm::WithColor::error(OS, "session-lint")
            << "cannot read configuration file '" << Config
            << "': " << Problem->Text << "\n";
      else
        llvm::WithColor::error(OS, "session-lint")
            << "invalid configuration file '" << Config << "' (clang-tidy "
            << "would ignore it and go on without it):\n"
            << Problem->Text;
    }
  }
  return Any;
}

} // namespace session_lint
