// SQL names its tables in any letters. A class that runs statements on its
// own tables is a service, whether those tables are spelled in ASCII, in
// Cyrillic in a narrow literal, or in CJK in Qt's UTF-16 QStringLiteral;
// the classes keeping a pointer to such a service keep no session.
// RUN: %check_session --checks=-*,session-member-storage %s -- %qt_flags

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <vector>

// Opens its connection and loads its catalogue in the constructor; hands
// the connection out as well, but its own SQL makes it a service.
class StockRegister {
public:
  explicit StockRegister(const QString &File) {
    Db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    Db.setDatabaseName(File);
    Db.open();
    QSqlQuery Load(Db);
    Load.exec("SELECT Код, Название FROM Товары");
    while (Load.next())
      Codes.push_back(Load.value(0).toInt());
  }
  QSqlDatabase *database() { return &Db; }

private:
  std::vector<int> Codes;
  QSqlDatabase Db;
// CHECK-NOTES: :[[@LINE-1]]:16: warning: session 'Db' of type 'QSqlDatabase' is stored in a member of 'StockRegister'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-10]]:15: note: 'StockRegister' is a service, not a session wrapper: 'StockRegister' runs SQL on its own table 'Товары'
};

// Keeps a pointer to that service, not a session.
class StockWindow {
public:
  explicit StockWindow(StockRegister *Register) : Register(Register) {}

private:
  StockRegister *Register; // OK: a service, not a session
};

// The same shape with a UTF-16 literal.
class OrderBook {
public:
  explicit OrderBook(const QString &Name) : Db(QSqlDatabase::database(Name)) {}
  bool cancel(int Id) {
    QSqlQuery Query(Db);
    Query.prepare(QStringLiteral("DELETE FROM 注文 WHERE 番号 = ?"));
    Query.addBindValue(Id);
    return Query.exec();
  }
  QSqlDatabase &database() { return Db; }

private:
  QSqlDatabase Db;
// CHECK-NOTES: :[[@LINE-1]]:16: warning: session 'Db' of type 'QSqlDatabase' is stored in a member of 'OrderBook'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-9]]:19: note: 'OrderBook' is a service, not a session wrapper: 'cancel' runs SQL on its own table '注文'
};

class OrderScreen {
  OrderBook *Book; // OK: a service, not a session
};
