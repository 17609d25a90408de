// Real POCO Data headers (libpoco-dev).
// RUN: %check_session %s

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
// CHECK-NOTES: :[[@LINE-1]]:23: warning: session 'Session' of type 'Poco::Data::Session' is stored in a member of 'AccountService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

class AuditLog {
public:
  void record(const std::string &Event);

private:
  std::optional<Poco::Data::Session> Session;
// CHECK-NOTES: :[[@LINE-1]]:38: warning: session 'Session' of type 'std::optional<Poco::Data::Session>' is stored in a member of 'AuditLog'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  std::shared_ptr<Poco::Data::Session> Spare;
// CHECK-NOTES: :[[@LINE-1]]:40: warning: session 'Spare' of type 'std::shared_ptr<Poco::Data::Session>' is stored in a member of 'AuditLog'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

static Poco::Data::Session *Current = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:29: warning: session 'Current' of type 'Poco::Data::Session *' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]

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
