#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Data/Transaction.h>
#include <memory>
#include <optional>
class AccountService {
public:
  explicit AccountService(const Poco::Data::Session &Session)
      : Session(Session) {}
  void closeAccount(int Id);

private:
  Poco::Data::Session Session;
};
class AuditLog {
public:
  void record(const std::string &Event);

private:
  std::optional<Poco::Data::Session> Session;
  std::shared_ptr<Poco::Data::Session> Spare;
};
static Poco::Data::Session *Current = nullptr;

class InvoiceService {
public:
  explicit InvoiceService(Poco::Data::SessionPool &Pool) : Pool(Pool) {}
  void issue(int Id) {
    Poco::Data::Session Session(Pool.get());
    Poco::Data::Transaction Tx(Session);
    Tx.commit();
  }

private:
  Poco::Data::SessionPool &Pool;
};
void handleRequest(Poco::Data::Session &Session) { Session.commit(); }

