namespace app {
class Db {
public:
  void findUser(int Id);
};
} // namespace app

class Service {
  void handle();
  app::Db Session;
};
