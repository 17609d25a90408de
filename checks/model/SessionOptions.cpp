//===--- SessionOptions.cpp - The user's session model options ------------===//

#include "model/SessionOptions.h"
#include "model/SessionOptionsFromMap.h"
#include "model/PoolMode.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::session {
namespace {

using llvm::StringRef;

constexpr StringRef AllLibraries = "all";

struct OptionSpec {
  StringRef Name;
  unsigned Group;
  StringRef Default;
};

const OptionSpec Specs[] = {
    {"SessionTypes", TypeOptions, ""},
    {"PoolTypes", TypeOptions, ""},
    {"GuardTypes", TypeOptions, ""},
    {"Libraries", TypeOptions, AllLibraries},
    {"ScopeClasses", ScopeClassOptions, ""},
    {"AcquireFunctions", AcquireReleaseOptions, ""},
    {"ReleaseFunctions", AcquireReleaseOptions, ""},
    {"BeginFunctions", TransactionOptions, ""},
    {"RollbackFunctions", TransactionOptions, ""},
    // The class-role model reads it too: a transaction guard's reference to
    // its session is not a member to report.
    {"TransactionGuardTypes", TypeOptions | TransactionOptions, ""},
    {"AllowThreadLocal", ThreadLocalOptions, "false"},
    {"PoolCapacityArguments", PoolBudgetOptions, ""},
    // Read by its one check (PoolMode.h); listed for --dump-config and the
    // unknown-option check.
    {"PoolMode", PoolerOptions, "session"},
};

StringRef defaultOf(StringRef Name) {
  for (const OptionSpec &Spec : Specs)
    if (Spec.Name == Name)
      return Spec.Default;
  llvm_unreachable("unknown session-lint option");
}

llvm::SmallVector<StringRef, 8> splitList(StringRef Value) {
  llvm::SmallVector<StringRef, 8> Items;
  Value.split(Items, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef &Item : Items)
    Item = Item.trim();
  llvm::erase_if(Items, [](StringRef Item) { return Item.empty(); });
  return Items;
}

/// How an error names the option \p Name: as the configuration wrote it.
using OptionNamer = llvm::function_ref<std::string(StringRef Name)>;

/// Reads one option and reports problems with the option's name in them.
class Reader {
public:
  Reader(OptionLookup Lookup, OptionNamer NameOf,
         ConfigErrorReporter ReportError, SessionOptions &Result)
      : Lookup(Lookup), NameOf(NameOf), ReportError(ReportError),
        Result(Result) {}

  StringRef raw(StringRef Name) const {
    return Lookup(Name).value_or(defaultOf(Name));
  }

  void fail(StringRef Name, const llvm::Twine &Problem) {
    Result.Valid = false;
    ReportError(("invalid value for option " + NameOf(Name) + ": " + Problem)
                    .str());
  }

  /// Parses the user's list \p Name into \p Into, which may already hold
  /// catalog names.
  /// Without \p ReadUserValue only the catalog is merged in: the check does
  /// not read that option, but still needs to know the catalog's types.
  void nameList(StringRef Name, NameList &Into, bool ReadUserValue = true) {
    llvm::Expected<NameList> Parsed =
        NameList::parse(ReadUserValue ? raw(Name) : StringRef());
    if (!Parsed) {
      fail(Name, llvm::toString(Parsed.takeError()));
      return;
    }
    NameList Merged = std::move(*Parsed);
    for (const LibraryEntry *Library : Result.Libraries)
      for (StringRef Catalogued : catalogNames(Name, *Library))
        Merged.addExact(Catalogued);
    if (Name == "ScopeClasses")
      for (StringRef Framework : frameworkScopeClasses())
        Merged.addExact(Framework);
    Into = std::move(Merged);
  }

  void libraries() {
    StringRef Value = raw("Libraries");
    llvm::SmallVector<StringRef, 8> Items = splitList(Value);
    if (Items.empty()) {
      fail("Libraries", "the list is empty; write 'all' or name libraries");
      return;
    }
    for (StringRef Item : Items) {
      if (Item == AllLibraries) {
        for (const LibraryEntry &Entry : catalog())
          Result.Libraries.push_back(&Entry);
        continue;
      }
      if (const LibraryEntry *Entry = findLibrary(Item)) {
        Result.Libraries.push_back(Entry);
        continue;
      }
      fail("Libraries", "unknown library '" + Item +
                            "'; known libraries are " + knownLibraries());
    }
  }

  /// Two lists paired by position; an entry starting with '^' is a regex.
  void pairs(StringRef FirstName, StringRef SecondName,
             std::vector<FunctionPair> &Into) {
    llvm::SmallVector<StringRef, 8> First = splitList(raw(FirstName));
    llvm::SmallVector<StringRef, 8> Second = splitList(raw(SecondName));
    if (First.size() != Second.size()) {
      fail(FirstName, llvm::Twine(First.size()) + " entries, but '" +
                          SecondName + "' has " + llvm::Twine(Second.size()) +
                          "; the two lists are paired by position");
      return;
    }
    for (auto [Acquire, Release] : llvm::zip(First, Second)) {
      if (!validFunctionName(FirstName, Acquire) ||
          !validFunctionName(SecondName, Release))
        continue;
      Into.push_back({Acquire.str(), Release.str()});
    }
  }

  /// `Type:Index` entries: the zero-based constructor argument that is the
  /// capacity of each user pool type.
  void capacityArguments(StringRef Name,
                         std::vector<std::pair<std::string, unsigned>> &Into) {
    for (StringRef Item : splitList(raw(Name))) {
      auto [Type, Index] = Item.rsplit(':');
      unsigned Argument = 0;
      if (Type.trim().empty() || Index.trim().getAsInteger(10, Argument)) {
        fail(Name, "'" + Item +
                       "' is not 'Type:Index' (the zero-based constructor "
                       "argument that is the pool's capacity)");
        continue;
      }
      StringRef Qualified = Type.trim();
      Qualified.consume_front("::");
      Into.push_back({Qualified.str(), Argument});
    }
  }

  void boolean(StringRef Name, bool &Into) {
    StringRef Value = raw(Name).trim();
    if (Value.equals_insensitive("true") || Value == "1")
      Into = true;
    else if (Value.equals_insensitive("false") || Value == "0")
      Into = false;
    else
      fail(Name, "'" + Value + "' is not a boolean; write 'true' or 'false'");
  }

private:
  static llvm::ArrayRef<StringRef> catalogNames(StringRef Option,
                                                const LibraryEntry &Library) {
    if (Option == "SessionTypes")
      return Library.SessionTypes;
    if (Option == "PoolTypes")
      return Library.Pools;
    if (Option == "TransactionGuardTypes")
      return Library.TransactionGuards;
    return {};
  }

  static std::string knownLibraries() {
    std::string Known = "'all'";
    for (const LibraryEntry &Entry : catalog())
      Known += ", '" + Entry.Name.str() + "'";
    return Known;
  }

  bool validFunctionName(StringRef Option, StringRef Name) {
    if (!Name.starts_with("^"))
      return true;
    std::string Error;
    if (llvm::Regex(Name).isValid(Error))
      return true;
    fail(Option, "invalid regular expression '" + Name + "': " + Error);
    return false;
  }

  OptionLookup Lookup;
  OptionNamer NameOf;
  ConfigErrorReporter ReportError;
  SessionOptions &Result;
};

} // namespace

namespace {
SessionOptions readGroups(OptionLookup Lookup, OptionNamer NameOf,
                          unsigned Groups, ConfigErrorReporter ReportError);
} // namespace

SessionOptions readSessionOptions(const ClangTidyCheck::OptionsView &Options,
                                  StringRef CheckName, unsigned Groups,
                                  ConfigErrorReporter ReportError) {
  // A bad global value is the same error in every check that reads it: said
  // without the check, the front ends show it once. A check's own key is
  // named as written.
  return readGroups(
      [&](StringRef Name) { return Options.getLocalOrGlobal(Name); },
      [&](StringRef Name) {
        return Options.get(Name) ? ("'" + CheckName + "." + Name + "'").str()
                                 : ("'" + Name + "'").str();
      },
      Groups, ReportError);
}

SessionOptions readSessionOptions(const ClangTidyOptions::OptionMap &Map,
                                  StringRef CheckName, unsigned Groups,
                                  ConfigErrorReporter ReportError) {
  auto Local = [&](StringRef Name) -> std::optional<StringRef> {
    auto Found = Map.find((CheckName + "." + Name).str());
    if (Found == Map.end())
      return std::nullopt;
    return StringRef(Found->getValue().Value);
  };
  return readGroups(
      [&](StringRef Name) -> std::optional<StringRef> {
        if (std::optional<StringRef> Value = Local(Name))
          return Value;
        auto Found = Map.find(Name);
        if (Found == Map.end())
          return std::nullopt;
        return StringRef(Found->getValue().Value);
      },
      [&](StringRef Name) {
        return Local(Name) ? ("'" + CheckName + "." + Name + "'").str()
                           : ("'" + Name + "'").str();
      },
      Groups, ReportError);
}

SessionOptions readSessionOptions(OptionLookup Lookup, StringRef ReaderName,
                                  unsigned Groups,
                                  ConfigErrorReporter ReportError) {
  return readGroups(
      Lookup, [&](StringRef Name) { return ("'" + Name + "'" + ReaderName).str(); },
      Groups, ReportError);
}

namespace {
SessionOptions readGroups(OptionLookup Lookup, OptionNamer NameOf,
                          unsigned Groups, ConfigErrorReporter ReportError) {
  SessionOptions Result;
  Reader Read(Lookup, NameOf, ReportError, Result);
  // Libraries first: the name lists merge in the enabled catalog entries,
  // and every check sees the catalog's types, whichever options it reads.
  if (Groups & TypeOptions) {
    Read.libraries();
    Read.nameList("SessionTypes", Result.SessionTypes);
    Read.nameList("PoolTypes", Result.PoolTypes);
    Read.nameList("GuardTypes", Result.GuardTypes);
  }
  if (Groups & ScopeClassOptions)
    Read.nameList("ScopeClasses", Result.ScopeClasses);
  if (Groups & AcquireReleaseOptions)
    Read.pairs("AcquireFunctions", "ReleaseFunctions", Result.AcquireRelease);
  if (Groups & TransactionOptions)
    Read.pairs("BeginFunctions", "RollbackFunctions", Result.BeginRollback);
  Read.nameList("TransactionGuardTypes", Result.TransactionGuardTypes,
                Groups & (TypeOptions | TransactionOptions));
  if (Groups & ThreadLocalOptions)
    Read.boolean("AllowThreadLocal", Result.AllowThreadLocal);
  if (Groups & PoolBudgetOptions)
    Read.capacityArguments("PoolCapacityArguments",
                           Result.PoolCapacityArguments);
  return Result;
}
} // namespace

unsigned optionGroupOf(StringRef Name) {
  for (const OptionSpec &Spec : Specs)
    if (Spec.Name == Name)
      return Spec.Group;
  return 0;
}

llvm::SmallVector<StringRef, 16> sessionOptionNames() {
  llvm::SmallVector<StringRef, 16> Names;
  for (const OptionSpec &Spec : Specs)
    Names.push_back(Spec.Name);
  return Names;
}

void storeSessionOptions(const ClangTidyCheck::OptionsView &Options,
                         ClangTidyOptions::OptionMap &Map, unsigned Groups) {
  for (const OptionSpec &Spec : Specs)
    if (Groups & Spec.Group)
      Options.store(Map, Spec.Name,
                    Options.getLocalOrGlobal(Spec.Name, Spec.Default));
}

} // namespace clang::tidy::session
