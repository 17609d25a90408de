// Stub libpq for the analysis fuzzer.
#pragma once
extern "C" {
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef enum { CONNECTION_OK, CONNECTION_BAD } ConnStatusType;
typedef enum { PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_FATAL_ERROR } ExecStatusType;
PGconn *PQconnectdb(const char *conninfo);
PGconn *PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname);
PGconn *PQsetdbLogin(const char *host, const char *port, const char *opt, const char *tty, const char *db, const char *user, const char *pwd);
PGconn *PQconnectStart(const char *conninfo);
void PQfinish(PGconn *conn);
ConnStatusType PQstatus(const PGconn *conn);
PGresult *PQexec(PGconn *conn, const char *query);
PGresult *PQprepare(PGconn *conn, const char *name, const char *query, int n, const unsigned *types);
ExecStatusType PQresultStatus(const PGresult *res);
int PQntuples(const PGresult *res);
char *PQerrorMessage(const PGconn *conn);
void PQclear(PGresult *res);
}
