namespace app {
struct Db {};
} // namespace app

app::Db *InC = nullptr;
