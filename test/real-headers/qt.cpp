// Real Qt SQL headers (qtbase5-dev).
// RUN: %check_session %s -- %qt_flags

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
// CHECK-NOTES: :[[@LINE-1]]:16: warning: session 'Db' of type 'QSqlDatabase' is stored in a member of 'CustomerModel'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

class Replicas {
public:
  void refreshStatistics();

private:
  QList<QSqlDatabase> Databases;
// CHECK-NOTES: :[[@LINE-1]]:23: warning: session 'Databases' of type 'QList<QSqlDatabase>' is stored in a member of 'Replicas'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
  QSharedPointer<QSqlDatabase> Primary;
// CHECK-NOTES: :[[@LINE-1]]:32: warning: session 'Primary' of type 'QSharedPointer<QSqlDatabase>' is stored in a member of 'Replicas'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

static QSqlDatabase GlobalDb;
// CHECK-NOTES: :[[@LINE-1]]:21: warning: session 'GlobalDb' of type 'QSqlDatabase' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]

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
// CHECK-NOTES: :[[@LINE-1]]:15: warning: the address of session 'Db', owned by this scope, is stored in member 'Current', which outlives it; pass the session as a parameter to the code that needs it instead of keeping it [session-escape]
// CHECK-NOTES: :[[@LINE-3]]:18: note: 'Db' is declared here and closed at the end of its scope
  }

private:
  QSqlDatabase *Current = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:17: warning: session 'Current' of type 'QSqlDatabase *' is stored in a member of 'Reports'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};
