// The user's own acquire/release pairs (AcquireFunctions/ReleaseFunctions,
// paired by position, regular expressions allowed) for session-unscoped-acquire.
// RUN: %check_session --checks=-*,session-unscoped-acquire %s --config="{CheckOptions: {AcquireFunctions: 'app::openSession;^app::borrow.*', ReleaseFunctions: 'app::closeSession;app::giveBack'}}"
// RUN: %check_session --check-suffix=DEFAULT --checks=-*,session-unscoped-acquire %s

namespace app {
struct Session;
Session *openSession(const char *Name);
void closeSession(Session *S);
Session *borrowFromPool();
void giveBack(Session *S);
int query(Session *S, const char *Sql) noexcept;
} // namespace app

int leaksOnError(bool Fast) {
  app::Session *S = app::openSession("reports");
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: session 'S' acquired by 'app::openSession' is not released on every path out of 'leaksOnError'; own it with an RAII owner that calls 'app::closeSession' [session-unscoped-acquire]
  if (Fast)
    return 0;
  int Rows = app::query(S, "select 1");
  app::closeSession(S);
  return Rows;
}

void borrowed() {
  app::Session *S = app::borrowFromPool();
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: session 'S' acquired by 'app::borrowFromPool' is not released on every path out of 'borrowed'; own it with an RAII owner that calls 'app::giveBack' [session-unscoped-acquire]
}

void released() {
  app::Session *S = app::borrowFromPool();
  app::query(S, "select 1");
  app::giveBack(S);
}
