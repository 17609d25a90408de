// Qt's headers on -I (as qmake passes them), not -isystem: Qt's own types are
// still installed code, not the application's data, so a thin wrapper taking a
// QString statement is a wrapper, and the places keeping it are reported.
// RUN: %check_session --checks=-*,session-member-storage,session-static-storage %s -- %qt_flags

#include <QtCore/QString>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <memory>

class ReadingsLink {
public:
  explicit ReadingsLink(const QString &Name) : Db(QSqlDatabase::database(Name)) {}
  bool perform(const QString &Statement) {
    QSqlQuery Query(Db);
    return Query.exec(Statement);
  }

private:
  QSqlDatabase Db; // OK: the wrapper's own session
};

class CalibrationService {
public:
  bool reset(int Sensor) {
    return Link->perform(QStringLiteral("UPDATE sensors SET offset = 0 WHERE id = %1").arg(Sensor));
  }

private:
  std::unique_ptr<ReadingsLink> Link;
// CHECK-NOTES: :[[@LINE-1]]:33: warning: session 'Link' of type 'std::unique_ptr<ReadingsLink>' is stored in a member of 'CalibrationService'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
// CHECK-NOTES: :[[@LINE-12]]:16: note: 'ReadingsLink' counts as a session: it owns 'QSqlDatabase' through its member 'Db', and 'perform' runs SQL text its callers pass in
// CHECK-NOTES: :[[@LINE-7]]:26: note: 'CalibrationService' is a service, not a session wrapper: 'reset' runs SQL on its own table 'sensors'
};

ReadingsLink &archive() {
  static ReadingsLink Archive(QStringLiteral("archive"));
// CHECK-NOTES: :[[@LINE-1]]:23: warning: session 'Archive' of type 'ReadingsLink' is a function-local static: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
// CHECK-NOTES: :[[@LINE-19]]:16: note: 'ReadingsLink' counts as a session: it owns 'QSqlDatabase' through its member 'Db', and 'perform' runs SQL text its callers pass in
  return Archive;
}
