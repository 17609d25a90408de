#include <QList>
#include <QSharedPointer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
class CustomerModel {
public:
  CustomerModel() : Db(QSqlDatabase::addDatabase("QPSQL", "customers")) {}
  int customerCount();

private:
  QSqlDatabase Db;
};
class Replicas {
public:
  void refreshStatistics();

private:
  QList<QSqlDatabase> Databases;
  QSharedPointer<QSqlDatabase> Primary;
};
static QSqlDatabase GlobalDb;

// The Qt way: a named connection, looked up per operation.
int customerCount() {
  QSqlDatabase Db = QSqlDatabase::database("customers");
  QSqlQuery Query("select count(*) from customers", Db);
  return Query.next() ? Query.value(0).toInt() : 0;
}
void handleRequest(QSqlDatabase &Db) { Db.transaction(); Db.commit(); }

// session-escape: a handle to a connection kept past its scope.
class Reports {
public:
  void prepare() {
    QSqlDatabase Db = QSqlDatabase::database("reports");
    Current = &Db;
  }

private:
  QSqlDatabase *Current = nullptr;
};

