// A transaction guard the project writes itself keeps a reference or pointer
// to the session it borrows: its constructor begins a transaction on that
// session and its destructor ends it, so its objects live for one scope and
// the session is not kept. A class that begins in its constructor but leaves
// the end to a member function may live as long as it likes: it keeps the
// session, and stays reported. Whether a class is a guard is read from what
// its constructor and destructor do, not from its name.
// RUN: %check_session --checks=-*,session-member-storage,session-manual-transaction %s -- %qt_flags %libpq_flags

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <libpq-fe.h>

// Qt: begins with transaction(), ends with commit() or rollback().
class BatchWriter {
public:
  explicit BatchWriter(QSqlDatabase &Target) : Db(Target), Query(Target) {
    Db.transaction();
  }
  ~BatchWriter() {
    if (Failed)
      Db.rollback();
    else
      Db.commit();
  }
  bool run(const QString &Sql) {
    Failed = Failed || !Query.exec(Sql);
    return !Failed;
  }

private:
  QSqlDatabase &Db; // OK: borrowed for the guard's scope
  QSqlQuery Query;
  bool Failed = false;
};

bool copyRows(QSqlDatabase &Db) {
  BatchWriter Writer(Db);
  return Writer.run("INSERT INTO archive SELECT * FROM inbox") &&
         Writer.run("DELETE FROM inbox");
}

// libpq: BEGIN and COMMIT or ROLLBACK as SQL text, on a raw handle it does
// not own.
class WorkUnit {
public:
  explicit WorkUnit(PGconn *Borrowed) : Conn(Borrowed) {
    PQclear(PQexec(Conn, "BEGIN"));
  }
  ~WorkUnit() { PQclear(PQexec(Conn, Done ? "COMMIT" : "ROLLBACK")); }
  void done() { Done = true; }

private:
  PGconn *Conn; // OK: borrowed for the guard's scope
  bool Done = false;
};

void purge(PGconn *Conn) {
  WorkUnit Unit(Conn);
  PQclear(PQexec(Conn, "DELETE FROM sessions WHERE expired"));
  Unit.done();
}

// Begins in its constructor, but nothing ends the transaction when it goes
// away: an object that keeps the session as long as it lives.
class Importer {
public:
  explicit Importer(QSqlDatabase &Target) : Db(Target) { Db.transaction(); }
  void add(const QString &Name) {
    QSqlQuery Insert(Db);
    Insert.prepare("INSERT INTO imports (name) VALUES (?)");
    Insert.addBindValue(Name);
    Insert.exec();
  }
  bool finish() { return Db.commit(); }

private:
  QSqlDatabase &Db;
// CHECK-NOTES: :[[@LINE-1]]:17: warning: session 'Db' of type 'QSqlDatabase &' is stored in a member of 'Importer'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};
