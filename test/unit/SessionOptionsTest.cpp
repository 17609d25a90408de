//===--- SessionOptionsTest.cpp - The session model's option reading -----===//
//
// Reads options through a real ClangTidyContext, as a check does, including
// the groups no check reads yet (acquire/release and transaction pairs), so
// their validation is tested before their checks exist.
//
//===----------------------------------------------------------------------===//

#include "ClangTidyCheck.h"
#include "ClangTidyDiagnosticConsumer.h"
#include "model/SessionOptions.h"
#include "gtest/gtest.h"

namespace clang::tidy::session {
namespace {

constexpr unsigned AllGroups = TypeOptions | ScopeClassOptions |
                               AcquireReleaseOptions | TransactionOptions |
                               ThreadLocalOptions;

/// A check that only reads the options, as every session check does.
class OptionsProbe : public ClangTidyCheck {
public:
  OptionsProbe(ClangTidyContext *Context, std::vector<std::string> &Errors)
      : ClangTidyCheck("session-probe", Context),
        Read(readSessionOptions(
            Options, "session-probe", AllGroups,
            [&](const std::string &Error) { Errors.push_back(Error); })) {}
  SessionOptions Read;
};

using Values = std::map<std::string, std::string>;

struct Probe {
  explicit Probe(const Values &Values)
      : Context(makeProvider(Values)) {
    Context.setCurrentFile("probe.cpp");
    Check = std::make_unique<OptionsProbe>(&Context, Errors);
  }
  static std::unique_ptr<ClangTidyOptionsProvider>
  makeProvider(const Values &Values) {
    ClangTidyOptions Options = ClangTidyOptions::getDefaults();
    for (const auto &[Key, Value] : Values)
      Options.CheckOptions[Key] = ClangTidyOptions::ClangTidyValue(Value);
    return std::make_unique<DefaultOptionsProvider>(ClangTidyGlobalOptions(),
                                                    Options);
  }
  const SessionOptions &options() const { return Check->Read; }

  ClangTidyContext Context;
  std::vector<std::string> Errors;
  std::unique_ptr<OptionsProbe> Check;
};

TEST(SessionOptions, DefaultsEnableTheWholeCatalog) {
  Probe P(Values{});
  EXPECT_TRUE(P.Errors.empty());
  EXPECT_TRUE(P.options().Valid);
  EXPECT_EQ(P.options().Libraries.size(), catalog().size());
  EXPECT_TRUE(P.options().SessionTypes.matches("pqxx::connection"));
  EXPECT_TRUE(P.options().SessionTypes.matches("PGconn"));
  EXPECT_TRUE(P.options().SessionTypes.matches("SQLHDBC"));
  EXPECT_TRUE(P.options().PoolTypes.matches("soci::connection_pool"));
  EXPECT_TRUE(P.options().TransactionGuardTypes.matches("pqxx::work"));
  EXPECT_FALSE(P.options().SessionTypes.matches("soci::connection_pool"));
  EXPECT_FALSE(P.options().AllowThreadLocal);
}

TEST(SessionOptions, LibrariesSelectCatalogEntries) {
  Probe P(Values{{"Libraries", "libpq; sqlite3"}});
  EXPECT_TRUE(P.Errors.empty());
  EXPECT_TRUE(P.options().SessionTypes.matches("PGconn"));
  EXPECT_TRUE(P.options().SessionTypes.matches("sqlite3"));
  EXPECT_FALSE(P.options().SessionTypes.matches("pqxx::connection"));
  EXPECT_FALSE(P.options().PoolTypes.matches("soci::connection_pool"));
}

TEST(SessionOptions, UserNamesAndPatternsExtendTheCatalog) {
  Probe P(Values{{"SessionTypes", "::app::Db;^app::legacy::.*Handle$"},
           {"session-probe.PoolTypes", "app::Pool"}});
  EXPECT_TRUE(P.Errors.empty());
  EXPECT_TRUE(P.options().SessionTypes.matches("app::Db"));
  EXPECT_TRUE(P.options().SessionTypes.matches("app::legacy::OrderHandle"));
  EXPECT_FALSE(P.options().SessionTypes.matches("app::legacy::Order"));
  EXPECT_TRUE(P.options().SessionTypes.matches("pqxx::connection"));
  EXPECT_TRUE(P.options().PoolTypes.matches("app::Pool"));
}

TEST(SessionOptions, LocalKeyWinsOverGlobal) {
  Probe P(Values{{"AllowThreadLocal", "false"},
           {"session-probe.AllowThreadLocal", "true"}});
  EXPECT_TRUE(P.Errors.empty());
  EXPECT_TRUE(P.options().AllowThreadLocal);
}

TEST(SessionOptions, PairsArePairedByPosition) {
  Probe P(Values{{"AcquireFunctions", "app::open;^app::connect.*"},
           {"ReleaseFunctions", "app::close;app::disconnect"},
           {"BeginFunctions", "app::begin"},
           {"RollbackFunctions", "app::rollback"}});
  ASSERT_TRUE(P.Errors.empty());
  ASSERT_EQ(P.options().AcquireRelease.size(), 2u);
  EXPECT_EQ(P.options().AcquireRelease[1].Acquire, "^app::connect.*");
  EXPECT_EQ(P.options().AcquireRelease[1].Release, "app::disconnect");
  ASSERT_EQ(P.options().BeginRollback.size(), 1u);
  EXPECT_EQ(P.options().BeginRollback[0].Release, "app::rollback");
}

TEST(SessionOptions, MismatchedPairsAreAnError) {
  Probe P(Values{{"AcquireFunctions", "app::open;app::connect"},
           {"ReleaseFunctions", "app::close"}});
  EXPECT_FALSE(P.options().Valid);
  ASSERT_EQ(P.Errors.size(), 1u);
  EXPECT_EQ(P.Errors[0],
            "invalid value for option 'AcquireFunctions': 2 entries, but "
            "'ReleaseFunctions' has 1; the two lists are paired by position");
}

TEST(SessionOptions, BadValuesNameTheirOption) {
  Probe P(Values{{"Libraries", "libpqxx;postgres"},
           {"TransactionGuardTypes", "^app::(Guard"},
           {"RollbackFunctions", "^app::[rollback"},
           {"BeginFunctions", "app::begin"},
           {"AllowThreadLocal", "sometimes"}});
  EXPECT_FALSE(P.options().Valid);
  ASSERT_EQ(P.Errors.size(), 4u);
  EXPECT_NE(P.Errors[0].find("option 'Libraries'"), std::string::npos);
  EXPECT_NE(P.Errors[0].find("unknown library 'postgres'"), std::string::npos);
  EXPECT_NE(P.Errors[1].find("option 'RollbackFunctions'"), std::string::npos);
  EXPECT_NE(P.Errors[2].find("option 'TransactionGuardTypes'"),
            std::string::npos);
  EXPECT_NE(P.Errors[3].find("'sometimes' is not a boolean"),
            std::string::npos);
}

TEST(NameList, ExactNamesIgnoreLeadingScope) {
  auto List = NameList::parse(" ::a::B ; c ;;");
  ASSERT_TRUE(static_cast<bool>(List));
  EXPECT_TRUE(List->matches("a::B"));
  EXPECT_TRUE(List->matches("c"));
  EXPECT_FALSE(List->matches("a::Bc"));
}

TEST(NameList, InvalidPatternIsAnError) {
  auto List = NameList::parse("^a(");
  ASSERT_FALSE(static_cast<bool>(List));
  EXPECT_EQ(llvm::toString(List.takeError()),
            "invalid regular expression '^a(': parentheses not balanced");
}

} // namespace
} // namespace clang::tidy::session
