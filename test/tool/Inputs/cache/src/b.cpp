namespace app {
struct Db {};
} // namespace app

app::Db *InB = nullptr;
#ifdef SECOND
app::Db *OnlyWithTheFlag = nullptr;
#endif
