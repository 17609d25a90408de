//===--- SessionModule.cpp - The clang-tidy module "session" --------------===//
//
// The only file that lists the checks. Linked into the plugin (loaded by the
// host clang-tidy with --load) and into the standalone session-lint tool.
//
//===----------------------------------------------------------------------===//

#include "ClangTidyModule.h"
#include "ClangTidyModuleRegistry.h"
#include "EscapeCheck.h"
#include "ManualTransactionCheck.h"
#include "MemberStorageCheck.h"
#include "PoolBudgetCheck.h"
#include "PoolerSessionStateCheck.h"
#include "StaticStorageCheck.h"
#include "UnscopedAcquireCheck.h"

namespace clang::tidy::session {

class SessionModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<EscapeCheck>("session-escape");
    Factories.registerCheck<ManualTransactionCheck>(
        "session-manual-transaction");
    Factories.registerCheck<MemberStorageCheck>("session-member-storage");
    Factories.registerCheck<PoolBudgetCheck>("session-pool-budget");
    Factories.registerCheck<PoolerSessionStateCheck>(
        "session-pooler-session-state");
    Factories.registerCheck<StaticStorageCheck>("session-static-storage");
    Factories.registerCheck<UnscopedAcquireCheck>(
        "session-unscoped-acquire");
  }
};

} // namespace clang::tidy::session

static clang::tidy::ClangTidyModuleRegistry::Add<
    clang::tidy::session::SessionModule>
    SessionModuleRegistration("session-module",
                              "Database session lifetime checks.");

// Referenced by the standalone tool so that the linker keeps this file.
volatile int SessionModuleAnchorSource = 0;
