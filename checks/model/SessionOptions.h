//===--- SessionOptions.h - The user's session model options --------------===//
//
// Reads every option of SPEC §3 through clang-tidy's own mechanism
// (`Options.getLocalOrGlobal`, so one global `SessionTypes` serves every
// check), validates it, and merges the built-in catalog of the enabled
// `Libraries` into the name lists the type classification uses.
//
// A check says which option groups it reads; it echoes exactly those in
// storeOptions, so --dump-config lists what the check really honours. A bad
// value (unknown library, mismatched pair lists, invalid regular expression,
// a boolean that is not one) is reported through the error callback naming
// the option and the check, and the check then stays inactive: a wrong
// configuration is never replaced by a silent default.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_SESSIONOPTIONS_H
#define SESSION_LINT_MODEL_SESSIONOPTIONS_H

#include "ClangTidyCheck.h"
#include "model/Catalog.h"
#include "model/NameList.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>
#include <vector>

namespace clang::tidy::session {

/// Option groups, combined by a check to say what it reads.
enum OptionGroup : unsigned {
  /// SessionTypes, PoolTypes, GuardTypes, Libraries (and
  /// TransactionGuardTypes, which decides a class's role too).
  TypeOptions = 1u << 0,
  ScopeClassOptions = 1u << 1,
  /// AcquireFunctions, ReleaseFunctions.
  AcquireReleaseOptions = 1u << 2,
  /// BeginFunctions, RollbackFunctions, TransactionGuardTypes.
  TransactionOptions = 1u << 3,
  ThreadLocalOptions = 1u << 4,
  /// PoolCapacityArguments.
  PoolBudgetOptions = 1u << 5,
};

struct FunctionPair {
  std::string Acquire;
  std::string Release;
};

struct SessionOptions {
  /// Catalog types of the enabled libraries plus the user's lists.
  NameList SessionTypes;
  NameList PoolTypes;
  NameList GuardTypes;
  NameList ScopeClasses;
  NameList TransactionGuardTypes;
  std::vector<FunctionPair> AcquireRelease;
  std::vector<FunctionPair> BeginRollback;
  std::vector<const LibraryEntry *> Libraries;
  bool AllowThreadLocal = false;
  /// Which constructor argument of a user pool type is its capacity.
  std::vector<std::pair<std::string, unsigned>> PoolCapacityArguments;
  /// False when some option was invalid: the check must then stay inactive.
  bool Valid = true;
};

using ConfigErrorReporter = llvm::function_ref<void(const std::string &)>;
/// The configured value of an option, if any.
using OptionLookup =
    llvm::function_ref<std::optional<llvm::StringRef>(llvm::StringRef)>;

/// Reads and validates the options of \p Groups for the check \p CheckName.
SessionOptions readSessionOptions(const ClangTidyCheck::OptionsView &Options,
                                  llvm::StringRef CheckName, unsigned Groups,
                                  ConfigErrorReporter ReportError);

/// The same outside a check (the standalone tool validates the options no
/// enabled check reads); \p ReaderName completes "invalid value for option
/// 'X'…" in messages.
SessionOptions readSessionOptions(OptionLookup Lookup,
                                  llvm::StringRef ReaderName, unsigned Groups,
                                  ConfigErrorReporter ReportError);

/// The group an option belongs to (0 for a name that is not ours), and every
/// option name.
unsigned optionGroupOf(llvm::StringRef Name);
llvm::SmallVector<llvm::StringRef, 16> sessionOptionNames();

/// Echoes the options of \p Groups, as configured or defaulted.
void storeSessionOptions(const ClangTidyCheck::OptionsView &Options,
                         ClangTidyOptions::OptionMap &Map, unsigned Groups);

} // namespace clang::tidy::session

#endif
