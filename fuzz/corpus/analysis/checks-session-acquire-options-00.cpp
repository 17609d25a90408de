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
  if (Fast)
    return 0;
  int Rows = app::query(S, "select 1");
  app::closeSession(S);
  return Rows;
}

void borrowed() {
  app::Session *S = app::borrowFromPool();
}

void released() {
  app::Session *S = app::borrowFromPool();
  app::query(S, "select 1");
  app::giveBack(S);
}

