"""A generated service codebase for the benchmark: deterministic, seeded.

`generate(out, count, seed)` writes `count` translation units of a made-up
back end (domains such as users, orders, invoices; repositories, services,
request handlers, background jobs, utilities) into `out/`, with the shared
headers they include and a `compile_commands.json`. Every translation unit
includes a real client library's headers — libpqxx, SOCI, Qt SQL, POCO Data
or libpq, one library per domain, as a real code base would — and the
standard headers such code uses.

Most code follows the rules: sessions are injected as parameters or opened
per operation in an RAII scope, transactions go through the library's guard.
A seeded minority breaks them the way the seed documents describe: a session
kept in a member of a service, a session in a static or a Meyers singleton,
`PQconnectdb` or `new` without an owner, a transaction begun by hand; and
each library's wiring file constructs its pools (the budget's input).

Translation unit i depends only on (seed, i), so the corpus of 400 starts
with the corpus of 200: the size sweep measures the same files plus more.
Only the standard library is used, so the generator runs anywhere python3
does.
"""
import json
import os
import random

QT = "/usr/include/x86_64-linux-gnu/qt5"

# One library per domain; the order spreads the libraries evenly over the
# first files of the corpus (translation unit i belongs to domain i % 10).
DOMAINS = [
    ("users", "User", "pqxx"),
    ("orders", "Order", "soci"),
    ("catalog", "Product", "qt"),
    ("billing", "Invoice", "poco"),
    ("metrics", "Sample", "libpq"),
    ("inventory", "StockItem", "pqxx"),
    ("shipping", "Shipment", "soci"),
    ("reviews", "Review", "qt"),
    ("payments", "Payment", "poco"),
    ("audit", "AuditEntry", "libpq"),
]

LIBRARIES = {
    "pqxx": {
        "includes": ["pqxx/pqxx"],
        "flags": [],
        "param": "pqxx::connection &conn",
        "arg": "conn",
    },
    "soci": {
        "includes": ["soci/soci.h"],
        "flags": [],
        "param": "soci::session &sql",
        "arg": "sql",
    },
    "qt": {
        "includes": ["QSqlDatabase", "QSqlError", "QSqlQuery", "QString",
                     "QVariant"],
        "flags": ["-fPIC", f"-I{QT}", f"-I{QT}/QtCore", f"-I{QT}/QtSql"],
        "param": "QSqlDatabase &db",
        "arg": "db",
    },
    "poco": {
        "includes": ["Poco/Data/Session.h", "Poco/Data/SessionPool.h",
                     "Poco/Data/Transaction.h"],
        "flags": [],
        "param": "Poco::Data::Session &session",
        "arg": "session",
    },
    "libpq": {
        "includes": ["libpq-fe.h"],
        "flags": ["-I/usr/include/postgresql"],
        "param": "PGconn *conn",
        "arg": "conn",
    },
}

BASE_FLAGS = ["-std=c++17", "-O2", "-Wall", "-DNDEBUG"]

# Kinds of translation units, with their share of the corpus.
KINDS = [("repository", 30), ("service", 25), ("handler", 25), ("util", 12),
         ("job", 8)]

# Violations, with the share of the files of a kind that carry one; the rest
# of the corpus is clean.
VIOLATIONS = {
    "service": [("member", 0.14), ("static", 0.05), ("manual_tx", 0.05)],
    "repository": [("manual_tx", 0.06), ("unscoped", 0.05)],
    "job": [("unscoped", 0.15), ("static", 0.10)],
    "handler": [("static", 0.03)],
    "util": [],
}

SCALARS = [("id", "int"), ("count", "int"), ("amount", "double"),
           ("name", "std::string"), ("status", "std::string"),
           ("created_at", "std::string"), ("owner_id", "int"),
           ("note", "std::string"), ("priority", "int"),
           ("region", "std::string")]

WORDS = ["active", "pending", "archived", "recent", "priority", "regional",
         "overdue", "flagged", "monthly", "verified", "expired", "primary"]


def plural(entity):
    return entity[:-1] + "ies" if entity.endswith("y") else entity + "s"


# --- shared headers ----------------------------------------------------------

COMMON_HTTP = """\
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace app::http {

struct Request {
  std::string method;
  std::string path;
  std::map<std::string, std::string> params;
  std::map<std::string, std::string> headers;
  std::string body;

  std::optional<std::string> param(const std::string &key) const {
    auto it = params.find(key);
    if (it == params.end())
      return std::nullopt;
    return it->second;
  }
};

struct Response {
  int status = 200;
  std::string contentType = "application/json";
  std::string body;
};

inline Response error(int status, const std::string &message) {
  return Response{status, "application/json",
                  "{\\"error\\": \\"" + message + "\\"}"};
}

} // namespace app::http
"""

COMMON_STRINGS = """\
#pragma once
#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <vector>

namespace app::strings {

inline std::string trim(const std::string &text) {
  auto begin = std::find_if_not(text.begin(), text.end(),
                                [](unsigned char c) { return std::isspace(c); });
  auto end = std::find_if_not(text.rbegin(), text.rend(),
                              [](unsigned char c) { return std::isspace(c); })
                 .base();
  return begin < end ? std::string(begin, end) : std::string();
}

inline std::vector<std::string> split(const std::string &text, char sep) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, sep))
    parts.push_back(part);
  return parts;
}

inline std::string join(const std::vector<std::string> &parts,
                        const std::string &sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i)
      out += sep;
    out += parts[i];
  }
  return out;
}

inline std::string toLower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

inline std::string jsonEscape(const std::string &text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '"' || c == '\\\\')
      out += '\\\\';
    out += c;
  }
  return out;
}

} // namespace app::strings
"""

COMMON_CONFIG = """\
#pragma once
#include <chrono>
#include <string>

namespace app::config {

struct Database {
  std::string connInfo = "host=db dbname=app user=app";
  int poolSize = 4;
  std::chrono::milliseconds timeout{2000};
};

const Database &database();
std::string connectionString(const std::string &name);

} // namespace app::config
"""

COMMON_LOG = """\
#pragma once
#include <string>

namespace app::log {

void info(const std::string &message);
void warn(const std::string &message);
void error(const std::string &message);

} // namespace app::log
"""

PG_HANDLE = """\
#pragma once
#include <libpq-fe.h>
#include <string>

namespace app::db {

// The project's RAII owner of one libpq connection.
class PgHandle {
public:
  explicit PgHandle(const std::string &connInfo)
      : conn_(PQconnectdb(connInfo.c_str())) {}
  ~PgHandle() { PQfinish(conn_); }
  PgHandle(const PgHandle &) = delete;
  PgHandle &operator=(const PgHandle &) = delete;
  PGconn *get() const { return conn_; }
  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }

private:
  PGconn *conn_;
};

} // namespace app::db
"""


def model_header(domain, entity, lib, rng):
    # Every entity has an id and a status; the rest varies by domain.
    fields = [SCALARS[0], SCALARS[4]] + rng.sample(
        [f for f in SCALARS if f[0] not in ("id", "status")], 4)
    lines = ["#pragma once", "#include <optional>", "#include <string>",
             "#include <vector>", ""]
    lines += [f"#include <{h}>" for h in LIBRARIES[lib]["includes"]]
    if lib == "libpq":
        lines.append('#include "db/pg_handle.h"')
    lines += ["", f"namespace app::{domain} {{", "", f"struct {entity} {{"]
    for name, type_ in fields:
        init = " = 0" if type_ == "int" else " = 0.0" if type_ == "double" else ""
        lines.append(f"  {type_} {name}{init};")
    lines += ["};", "",
              f"struct {entity}Filter {{",
              "  std::optional<std::string> status;",
              "  int limit = 50;",
              "  int offset = 0;",
              "};", ""]
    param = LIBRARIES[lib]["param"]
    lines += [
        f"std::vector<{entity}> load{plural(entity)}({param}, const {entity}Filter &filter);",
        f"std::optional<{entity}> find{entity}({param}, int id);",
        f"bool save{entity}({param}, const {entity} &item);",
        f"std::string describe(const {entity} &item);",
        "", f"}} // namespace app::{domain}", ""]
    return "\n".join(lines), fields


# --- code of each library ----------------------------------------------------

def read_rows(lib, entity, fields, table, rng):
    """Statements that load rows of `table` into `out` (a vector of entity)."""
    cols = ", ".join(name for name, _ in fields)
    word = rng.choice(WORDS)
    where = f"where status = '{word}'"
    assign = []
    for i, (name, type_) in enumerate(fields):
        assign.append((i, name, type_))
    if lib == "pqxx":
        body = [f'pqxx::work tx(conn);',
                f'pqxx::result rows = tx.exec("select {cols} from {table} {where} limit " + std::to_string(filter.limit));',
                'for (const auto &row : rows) {',
                f'  {entity} item;']
        for i, name, type_ in assign:
            body.append(f'  item.{name} = row[{i}].as<{type_}>();')
        body += ['  out.push_back(item);', '}', 'tx.commit();']
    elif lib == "soci":
        body = [f'soci::rowset<soci::row> rows = (sql.prepare << "select {cols} from {table} {where}");',
                'for (auto it = rows.begin(); it != rows.end(); ++it) {',
                '  const soci::row &row = *it;',
                f'  {entity} item;']
        for i, name, type_ in assign:
            body.append(f'  item.{name} = row.get<{type_}>({i});')
        body += ['  out.push_back(item);',
                 '  if (static_cast<int>(out.size()) >= filter.limit)',
                 '    break;', '}']
    elif lib == "qt":
        body = ['QSqlQuery query(db);',
                f'query.prepare("select {cols} from {table} {where} limit :limit");',
                'query.bindValue(":limit", filter.limit);',
                'if (!query.exec())',
                '  return out;',
                'while (query.next()) {',
                f'  {entity} item;']
        for i, name, type_ in assign:
            conv = {"int": "toInt()", "double": "toDouble()",
                    "std::string": "toString().toStdString()"}[type_]
            body.append(f'  item.{name} = query.value({i}).{conv};')
        body += ['  out.push_back(item);', '}']
    elif lib == "poco":
        body = ['using namespace Poco::Data::Keywords;']
        vectors = []
        for i, name, type_ in assign:
            body.append(f'std::vector<{type_}> col_{name};')
            vectors.append(f'into(col_{name})')
        body += [f'session << "select {cols} from {table} {where}", {", ".join(vectors)}, now;',
                 'for (size_t i = 0; i < col_id.size(); ++i) {',
                 f'  {entity} item;']
        for i, name, type_ in assign:
            body.append(f'  item.{name} = col_{name}[i];')
        body += ['  out.push_back(item);', '}']
    else:  # libpq
        body = [f'PGresult *res = PQexec(conn, "select {cols} from {table} {where}");',
                'if (PQresultStatus(res) != PGRES_TUPLES_OK) {',
                '  PQclear(res);',
                '  return out;',
                '}',
                'for (int i = 0; i < PQntuples(res); ++i) {',
                f'  {entity} item;']
        for i, name, type_ in assign:
            conv = {"int": f"std::atoi(PQgetvalue(res, i, {i}))",
                    "double": f"std::atof(PQgetvalue(res, i, {i}))",
                    "std::string": f"PQgetvalue(res, i, {i})"}[type_]
            body.append(f'  item.{name} = {conv};')
        body += ['  out.push_back(item);', '}', 'PQclear(res);']
    return body


def write_row(lib, entity, table, guarded=True):
    """Statements that save `item` in a guarded transaction."""
    if lib == "pqxx":
        return ['pqxx::work tx(conn);',
                f'tx.exec("update {table} set status = " + tx.quote(item.status) + " where id = " + std::to_string(item.id));',
                'tx.commit();', 'return true;']
    if lib == "soci":
        return ['soci::transaction tx(sql);',
                f'sql << "update {table} set status = :status where id = :id", soci::use(item.status), soci::use(item.id);',
                'tx.commit();', 'return true;']
    if lib == "qt":
        return ['if (!db.transaction())', '  return false;',
                'QSqlQuery query(db);',
                f'query.prepare("update {table} set status = :status where id = :id");',
                'query.bindValue(":status", QString::fromStdString(item.status));',
                'query.bindValue(":id", item.id);',
                'if (!query.exec()) {', '  db.rollback();', '  return false;', '}',
                'return db.commit();']
    if lib == "poco":
        return ['using namespace Poco::Data::Keywords;',
                'Poco::Data::Transaction tx(session);',
                'std::string status = item.status;', 'int id = item.id;',
                f'session << "update {table} set status = ? where id = ?", use(status), use(id), now;',
                'tx.commit();', 'return true;']
    # libpq: no guard in the library; commit or roll back on every path.
    return ['PQclear(PQexec(conn, "BEGIN"));',
            'std::string id = std::to_string(item.id);',
            'const char *values[2] = {item.status.c_str(), id.c_str()};',
            f'PGresult *res = PQexecParams(conn, "update {table} set status = $1 where id = $2", 2, nullptr, values, nullptr, nullptr, 0);',
            'bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;',
            'PQclear(res);',
            'if (!ok) {', '  PQclear(PQexec(conn, "ROLLBACK"));', '  return false;', '}',
            'PQclear(PQexec(conn, "COMMIT"));', 'return true;']


def open_scoped(lib, source):
    """Statements opening a session per operation in an RAII scope; the
    session is then named like the library's parameter."""
    if lib == "pqxx":
        return [f'pqxx::connection conn({source});']
    if lib == "soci":
        return ['soci::session sql(pool_);']
    if lib == "qt":
        return [f'QSqlDatabase db = QSqlDatabase::database({source});']
    if lib == "poco":
        return ['Poco::Data::Session session(pool_.get());']
    return [f'app::db::PgHandle handle({source});',
            'if (!handle.ok())', '  return {};',
            'PGconn *conn = handle.get();']


def service_members(lib):
    """What a clean service keeps: a pool or a connection string."""
    if lib == "soci":
        return "soci::connection_pool &pool_;", "soci::connection_pool &pool"
    if lib == "poco":
        return "Poco::Data::SessionPool &pool_;", "Poco::Data::SessionPool &pool"
    return "std::string connInfo_;", "std::string connInfo"


def source_expr(lib):
    if lib == "qt":
        return 'QString::fromStdString(connInfo_)'
    return "connInfo_"


# --- translation units ---------------------------------------------------------

def indent(lines, n=2):
    pad = " " * n
    return [pad + line if line else line for line in lines]


def helper_functions(rng, entity, fields, count, tag):
    """Plain C++ of the kind every service has: validation, formatting,
    aggregation, sorting. No database. `tag` keeps names unique."""
    out = []
    str_fields = [n for n, t in fields if t == "std::string"]
    num_fields = [n for n, t in fields if t != "std::string"]
    for k in range(count):
        shape = rng.randrange(5)
        name = f"{rng.choice(['check', 'format', 'group', 'rank', 'score'])}{entity}{tag}{k}"
        if shape == 0 and str_fields:
            f = rng.choice(str_fields)
            out += [f"bool {name}(const {entity} &item) {{",
                    f"  const std::string value = app::strings::trim(item.{f});",
                    "  if (value.empty() || value.size() > 200)",
                    "    return false;",
                    "  for (char c : value)",
                    "    if (static_cast<unsigned char>(c) < 0x20)",
                    "      return false;",
                    f"  return app::strings::toLower(value) != \"{rng.choice(WORDS)}\";",
                    "}", ""]
        elif shape == 1:
            parts = [f'"\\"{n}\\": \\"" + app::strings::jsonEscape(item.{n}) + "\\""'
                     if t == "std::string" else
                     f'"\\"{n}\\": " + std::to_string(item.{n})'
                     for n, t in fields]
            out += [f"std::string {name}(const {entity} &item) {{",
                    "  std::vector<std::string> parts;"]
            out += [f"  parts.push_back({p});" for p in parts]
            out += ['  return "{" + app::strings::join(parts, ", ") + "}";',
                    "}", ""]
        elif shape == 2 and str_fields and num_fields:
            key, value = rng.choice(str_fields), rng.choice(num_fields)
            out += [f"std::map<std::string, double> {name}(const std::vector<{entity}> &items) {{",
                    "  std::map<std::string, double> totals;",
                    "  for (const auto &item : items) {",
                    f"    if (item.{key}.empty())",
                    "      continue;",
                    f"    totals[item.{key}] += static_cast<double>(item.{value});",
                    "  }",
                    "  return totals;", "}", ""]
        elif shape == 3 and num_fields:
            value = rng.choice(num_fields)
            out += [f"std::vector<{entity}> {name}(std::vector<{entity}> items, size_t top) {{",
                    "  std::sort(items.begin(), items.end(),",
                    f"            [](const {entity} &a, const {entity} &b) {{ return a.{value} > b.{value}; }});",
                    "  if (items.size() > top)",
                    "    items.resize(top);",
                    "  return items;", "}", ""]
        else:
            weights = [rng.randint(1, 9) for _ in num_fields] or [1]
            terms = " + ".join(f"{w} * static_cast<double>(item.{n})"
                               for w, n in zip(weights, num_fields)) or "1.0"
            out += [f"double {name}(const {entity} &item, double decay) {{",
                    f"  double score = {terms};",
                    "  for (int step = 0; step < 4; ++step) {",
                    "    score *= decay;",
                    "    if (score < 1e-6)",
                    "      break;",
                    "  }",
                    "  return score;", "}", ""]
    return out


def tu_repository(rng, d, lib, entity, fields, violation, suffix):
    """The domain's data access: the session is a parameter. The domain's
    first repository defines the functions its header declares; the others
    define their own variants (suffixed, so that the program would link)."""
    table = d
    param = LIBRARIES[lib]["param"]
    lines = [f"std::vector<{entity}> load{plural(entity)}{suffix}({param}, const {entity}Filter &filter) {{",
             f"  std::vector<{entity}> out;"]
    lines += indent(read_rows(lib, entity, fields, table, rng))
    lines += ["  return out;", "}", ""]
    lines += [f"std::optional<{entity}> find{entity}{suffix}({param}, int id) {{",
              f"  {entity}Filter filter;", "  filter.limit = 1;",
              f"  for (const auto &item : load{plural(entity)}{suffix}({LIBRARIES[lib]['arg']}, filter))",
              "    if (item.id == id)", "      return item;",
              "  return std::nullopt;", "}", ""]
    lines += [f"bool save{entity}{suffix}({param}, const {entity} &item) {{",
              "  if (item.id <= 0)", "    return false;"]
    if violation == "manual_tx":
        lines += indent(manual_transaction(lib, table))
    else:
        lines += indent(write_row(lib, entity, table))
    lines += ["}", ""]
    if violation == "unscoped":
        lines += unscoped_acquire(lib, entity, table)
    return lines


def manual_transaction(lib, table):
    """A transaction begun by hand (session-manual-transaction)."""
    if lib == "pqxx":
        return ['pqxx::nontransaction tx(conn);', 'tx.exec("BEGIN");',
                f'tx.exec("update {table} set status = " + tx.quote(item.status) + " where id = " + std::to_string(item.id));',
                'tx.exec("COMMIT");', 'return true;']
    if lib == "soci":
        return ['sql.begin();',
                f'sql << "update {table} set status = :status where id = :id", soci::use(item.status), soci::use(item.id);',
                'sql.commit();', 'return true;']
    if lib == "poco":
        return ['using namespace Poco::Data::Keywords;', 'session.begin();',
                'std::string status = item.status;', 'int id = item.id;',
                f'session << "update {table} set status = ? where id = ?", use(status), use(id), now;',
                'session.commit();', 'return true;']
    if lib == "qt":
        return ['db.transaction();', 'QSqlQuery query(db);',
                f'query.prepare("update {table} set status = :status where id = :id");',
                'query.bindValue(":status", QString::fromStdString(item.status));',
                'query.bindValue(":id", item.id);',
                'if (!query.exec())', '  return false;', 'return db.commit();']
    return ['PQclear(PQexec(conn, "BEGIN"));',
            'std::string id = std::to_string(item.id);',
            'const char *values[2] = {item.status.c_str(), id.c_str()};',
            f'PGresult *res = PQexecParams(conn, "update {table} set status = $1 where id = $2", 2, nullptr, values, nullptr, nullptr, 0);',
            'bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;',
            'PQclear(res);', 'if (!ok)', '  return false;',
            'PQclear(PQexec(conn, "COMMIT"));', 'return true;']


def unscoped_acquire(lib, entity, table):
    """A session without an RAII owner (session-unscoped-acquire)."""
    if lib in ("libpq", "qt", "poco"):
        # libpq is the C API every library wraps; the others' code bases
        # reach for it in their migration scripts.
        return [f"int count{plural(entity)}Direct(const char *connInfo) {{",
                "  PGconn *raw = PQconnectdb(connInfo);",
                "  if (PQstatus(raw) != CONNECTION_OK)",
                "    return -1;",
                f'  PGresult *res = PQexec(raw, "select count(*) from {table}");',
                "  int count = std::atoi(PQgetvalue(res, 0, 0));",
                "  PQclear(res);", "  PQfinish(raw);", "  return count;",
                "}", ""]
    if lib == "pqxx":
        return [f"int count{plural(entity)}Direct(const std::string &connInfo) {{",
                "  auto *raw = new pqxx::connection(connInfo);",
                "  pqxx::work tx(*raw);",
                f'  int count = tx.exec1("select count(*) from {table}")[0].as<int>();',
                "  delete raw;", "  return count;", "}", ""]
    return [f"int count{plural(entity)}Direct(soci::connection_pool &pool) {{",
            "  auto *raw = new soci::session(pool);",
            "  int count = 0;",
            f'  *raw << "select count(*) from {table}", soci::into(count);',
            "  delete raw;", "  return count;", "}", ""]


def tu_service(rng, d, lib, entity, fields, violation, index):
    cls = f"{entity}Service{index}"
    member, ctor_param = service_members(lib)
    arg = LIBRARIES[lib]["arg"]
    lines = []
    if violation == "static":
        lines += static_session(lib, entity) + [""]
    lines += [f"class {cls} {{", "public:"]
    ctor_arg = ctor_param.split()[-1]
    member_name = member.split()[-1].rstrip(";").lstrip("&")
    init = f"{member_name}(std::move({ctor_arg}))" if "string" in ctor_param \
        else f"{member_name}({ctor_arg.lstrip('&')})"
    lines.append(f"  explicit {cls}({ctor_param}) : {init} {{}}")
    # Operations: each opens a session in an RAII scope, unless the service
    # keeps one in a member (the violation).
    ops = rng.randint(3, 6)
    source = source_expr(lib)
    names = []
    for k in range(ops):
        op = f"op{k}{rng.choice(['Refresh', 'Summarize', 'Approve', 'Expire', 'Recount', 'Export'])}"
        names.append(op)
        lines += [f"  std::vector<{entity}> {op}(const std::string &status) {{"]
        if violation == "member":
            lines += [f"    auto &{arg} = session_;" if lib != "libpq" else
                      f"    PGconn *{arg} = session_;"]
        elif violation == "static":
            lines += [f"    auto &{arg} = sharedSession();" if lib != "libpq" else
                      f"    PGconn *{arg} = sharedSession();"]
        else:
            lines += indent(open_scoped(lib, source), 4)
        lines += [f"    {entity}Filter filter;",
                  "    filter.status = status;",
                  f"    filter.limit = {rng.choice([10, 20, 50, 100])};",
                  f"    std::vector<{entity}> items = load{plural(entity)}({arg}, filter);",
                  "    std::vector<" + entity + "> kept;",
                  "    for (auto &item : items) {",
                  f"      if (item.status == \"{rng.choice(WORDS)}\")",
                  "        continue;",
                  f"      item.status = \"{rng.choice(WORDS)}\";"]
        if violation == "manual_tx" and k == 0:
            lines += indent(manual_transaction_service(lib, entity), 6)
        else:
            lines += [f"      if (!save{entity}({arg}, item))",
                      f'        app::log::warn("could not save " + describe(item));']
        lines += ["      kept.push_back(item);", "    }",
                  "    return kept;", "  }"]
    if lib == "poco":
        lines += ["  int idleSessions() const { return pool_.idle(); }"]
    lines += ["", "private:", f"  {member}"]
    if violation == "member":
        lines += member_session(lib)
    lines += ["};", ""]
    lines += [f"std::vector<{entity}> run{cls}({ctor_param}) {{",
              f"  {cls} service({ctor_arg.lstrip('&') if 'string' not in ctor_param else 'std::move(' + ctor_arg + ')'});",
              f'  return service.{names[0]}("pending");', "}", ""]
    return lines


def member_session(lib):
    """A session kept in a member (session-member-storage)."""
    return {
        "pqxx": ["  pqxx::connection session_{\"dbname=app\"};"],
        "soci": ["  soci::session session_{pool_};"],
        "qt": ["  QSqlDatabase session_ = QSqlDatabase::database(\"app\");"],
        "poco": ["  Poco::Data::Session session_{pool_.get()};"],
        "libpq": ["  PGconn *session_ = PQconnectdb(\"dbname=app\");"],
    }[lib]


def static_session(lib, entity):
    """A session with static storage (session-static-storage)."""
    if lib == "pqxx":
        return ["pqxx::connection &sharedSession() {",
                '  static pqxx::connection conn("dbname=app");',
                "  return conn;", "}"]
    if lib == "soci":
        return ["soci::session &sharedSession() {",
                '  static soci::session sql("postgresql", "dbname=app");',
                "  return sql;", "}"]
    if lib == "qt":
        return ["QSqlDatabase sharedDb = QSqlDatabase::database(\"app\");",
                "QSqlDatabase &sharedSession() { return sharedDb; }"]
    if lib == "poco":
        return ['Poco::Data::Session sharedPoco("PostgreSQL", "dbname=app");',
                "Poco::Data::Session &sharedSession() { return sharedPoco; }"]
    return ["PGconn *sharedConn = nullptr;",
            "PGconn *sharedSession() {",
            "  if (!sharedConn)",
            '    sharedConn = PQconnectdb("dbname=app");',
            "  return sharedConn;", "}"]


def manual_transaction_service(lib, entity):
    if lib == "soci":
        return ["sql.begin();", f"save{entity}(sql, item);", "sql.commit();"]
    if lib == "poco":
        return ["session.begin();", f"save{entity}(session, item);",
                "session.commit();"]
    if lib == "qt":
        return ["db.transaction();", f"if (!save{entity}(db, item))",
                "  continue;", "db.commit();"]
    if lib == "libpq":
        return ['PQclear(PQexec(conn, "BEGIN"));',
                f"if (!save{entity}(conn, item))", "  continue;",
                'PQclear(PQexec(conn, "COMMIT"));']
    return ["{", "  pqxx::nontransaction tx(conn);", '  tx.exec("BEGIN");',
            "}", f"save{entity}(conn, item);"]


def tu_handler(rng, d, lib, entity, fields, violation, index):
    param = LIBRARIES[lib]["param"]
    arg = LIBRARIES[lib]["arg"]
    lines = []
    if violation == "static":
        lines += static_session(lib, entity) + [""]
    for k in range(rng.randint(3, 5)):
        name = f"handle{entity}{rng.choice(['List', 'Get', 'Update', 'Search', 'Export'])}{index}_{k}"
        lines += [f"app::http::Response {name}(const app::http::Request &request, {param}) {{",
                  '  if (request.method != "GET" && request.method != "POST")',
                  '    return app::http::error(405, "method not allowed");',
                  f"  {entity}Filter filter;",
                  '  if (auto status = request.param("status"))',
                  "    filter.status = app::strings::toLower(*status);",
                  '  if (auto limit = request.param("limit")) {',
                  "    int value = std::atoi(limit->c_str());",
                  "    if (value <= 0 || value > 500)",
                  '      return app::http::error(400, "bad limit");',
                  "    filter.limit = value;", "  }",
                  '  if (auto id = request.param("id")) {',
                  f"    auto found = find{entity}({arg}, std::atoi(id->c_str()));",
                  "    if (!found)",
                  '      return app::http::error(404, "not found");',
                  '    return app::http::Response{200, "application/json", describe(*found)};',
                  "  }",
                  "  std::vector<std::string> parts;",
                  f"  for (const auto &item : load{plural(entity)}({arg}, filter))",
                  "    parts.push_back(describe(item));",
                  '  return app::http::Response{200, "application/json", "[" + app::strings::join(parts, ",") + "]"};',
                  "}", ""]
    if violation == "static":
        lines += [f"app::http::Response handle{entity}Health{index}(const app::http::Request &request) {{",
                  f"  {entity}Filter filter;", "  filter.limit = 1;",
                  f"  auto items = load{plural(entity)}(sharedSession(), filter);" if lib != "libpq" else
                  f"  auto items = load{plural(entity)}(sharedSession(), filter);",
                  '  return app::http::Response{200, "text/plain", items.empty() ? "empty" : "ok"};',
                  "}", ""]
    return lines


def tu_job(rng, d, lib, entity, fields, violation, index):
    lines = []
    if violation == "static":
        lines += static_session(lib, entity) + [""]
    arg = LIBRARIES[lib]["arg"]
    if lib in ("soci", "poco"):
        pool = "soci::connection_pool &pool_" if lib == "soci" else \
            "Poco::Data::SessionPool &pool_"
        head = f"int run{entity}Job{index}({pool}, int batches) {{"
    else:
        head = f"int run{entity}Job{index}(const std::string &connInfo_, int batches) {{"
    lines += [head, "  int processed = 0;",
              "  for (int batch = 0; batch < batches; ++batch) {", "    try {"]
    if violation == "static":
        lines += [f"      auto &&{arg} = sharedSession();"]
    else:
        opened = open_scoped(lib, source_expr(lib))
        if lib == "libpq":
            opened = [o.replace("return {};", "return processed;") for o in opened]
        lines += indent(opened, 6)
    lines += [f"      {entity}Filter filter;",
              "      filter.offset = batch * 100;", "      filter.limit = 100;",
              f"      auto items = load{plural(entity)}({arg}, filter);",
              "      if (items.empty())", "        break;",
              "      for (auto &item : items) {",
              f'        item.status = "{rng.choice(WORDS)}";',
              f"        if (save{entity}({arg}, item))", "          ++processed;",
              "      }",
              "    } catch (const std::exception &e) {",
              '      app::log::error(std::string("job failed: ") + e.what());',
              "    }", "  }", "  return processed;", "}", ""]
    if violation == "unscoped":
        lines += unscoped_acquire(lib, entity, d)
    return lines


def tu_util(rng, d, lib, entity, fields, violation, index, first):
    """Plain C++; the domain's first utility file defines describe()."""
    lines = []
    if first:
        lines = [f"std::string describe(const {entity} &item) {{",
                 "  std::string out = \"{\";"]
        for n, t in fields:
            value = f"app::strings::jsonEscape(item.{n})" \
                if t == "std::string" else f"std::to_string(item.{n})"
            lines.append(f'  out += "\\"{n}\\": " + {value} + ",";')
        lines += ["  out.back() = '}';", "  return out;", "}", ""]
    lines += helper_functions(rng, entity, fields, rng.randint(3, 6), "Util")
    return lines


def wiring(lib, domain, entity):
    """The process's wiring: the pools it constructs (session-pool-budget)."""
    if lib == "soci":
        return ["soci::connection_pool &pool() {",
                "  static soci::connection_pool instance(8);",
                "  return instance;", "}"]
    if lib == "poco":
        return ["Poco::Data::SessionPool &pool() {",
                '  static Poco::Data::SessionPool instance("PostgreSQL", "dbname=app", 1, 16);',
                "  return instance;", "}"]
    return []


def translation_unit(seed, index):
    rng = random.Random(f"{seed}:{index}")
    domain, entity, lib = DOMAINS[index % len(DOMAINS)]
    _, fields = model_header(domain, entity, lib,
                             random.Random(f"{seed}:model:{domain}"))
    kinds = [k for k, _ in KINDS]
    kind = rng.choices(kinds, weights=[w for _, w in KINDS])[0]
    # Each domain's first files are its utilities (describe), repository and
    # wiring, so that every domain's functions are defined somewhere.
    slot = index // len(DOMAINS)
    if slot == 0:
        kind = "util"
    elif slot == 1:
        kind = "repository"
    violation = None
    roll = rng.random()
    for name, share in VIOLATIONS[kind]:
        if roll < share:
            violation = name
            break
        roll -= share
    includes = ["algorithm", "cstdlib", "map", "optional", "stdexcept",
                "string", "vector"]
    lines = [f"// Generated by bench/corpus.py (seed {seed}, file {index}): "
             f"{domain} {kind}" + (f", violation: {violation}" if violation else ""),
             "", f'#include "{domain}/model.h"', '#include "common/http.h"',
             '#include "common/log.h"', '#include "common/strings.h"',
             '#include "common/config.h"']
    if violation == "unscoped" and lib in ("qt", "poco"):
        lines.append("#include <libpq-fe.h>")
    lines += [f"#include <{h}>" for h in includes]
    lines += ["", f"namespace app::{domain} {{", ""]
    builder = {"repository": tu_repository, "service": tu_service,
               "handler": tu_handler, "job": tu_job, "util": tu_util}[kind]
    if kind == "repository":
        body = builder(rng, domain, lib, entity, fields, violation,
                       "" if slot == 1 else f"_{index}")
    elif kind == "util":
        body = builder(rng, domain, lib, entity, fields, violation, index,
                       slot == 0)
    else:
        body = builder(rng, domain, lib, entity, fields, violation, index)
    if slot == 0:
        body += wiring(lib, domain, entity)
    body += helper_functions(rng, entity, fields, rng.randint(1, 4), "Local")
    lines += body
    lines += [f"}} // namespace app::{domain}", ""]
    flags = list(LIBRARIES[lib]["flags"])
    if violation == "unscoped" and lib in ("qt", "poco"):
        flags.append("-I/usr/include/postgresql")
    path = f"src/{domain}/{kind}_{index:04d}.cpp"
    return path, "\n".join(lines), flags, kind, violation, lib


def generate(out, count, seed=2026):
    """Writes the corpus into `out`; returns the list of its files' records."""
    out = os.path.abspath(out)
    headers = {"include/common/http.h": COMMON_HTTP,
               "include/common/strings.h": COMMON_STRINGS,
               "include/common/config.h": COMMON_CONFIG,
               "include/common/log.h": COMMON_LOG,
               "include/db/pg_handle.h": PG_HANDLE}
    for domain, entity, lib in DOMAINS:
        text, _ = model_header(domain, entity, lib,
                               random.Random(f"{seed}:model:{domain}"))
        headers[f"include/{domain}/model.h"] = text
    files = []
    written = set()
    for rel, text in headers.items():
        write(os.path.join(out, rel), text)
        written.add(rel)
    database = []
    for index in range(count):
        rel, text, flags, kind, violation, lib = translation_unit(seed, index)
        path = os.path.join(out, rel)
        write(path, text)
        written.add(rel)
        arguments = (["clang++-19"] + BASE_FLAGS + [f"-I{out}/include"] +
                     flags + ["-c", path, "-o", path[:-4] + ".o"])
        database.append({"directory": out, "file": path,
                         "arguments": arguments})
        files.append({"file": path, "kind": kind, "violation": violation,
                      "library": lib, "arguments": arguments})
    write(os.path.join(out, "compile_commands.json"),
          json.dumps(database, indent=1) + "\n")
    # A corpus regenerated smaller must not keep the files of a larger one.
    for root, _, names in os.walk(os.path.join(out, "src")):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), out)
            if rel not in written:
                os.remove(os.path.join(root, name))
    return files


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with open(path, encoding="utf-8") as existing:
            if existing.read() == text:
                return  # keep the timestamp: nothing changed
    except OSError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# --- single functions, for the cost growth -----------------------------------

def function_size_source(statements):
    """One libpq connection acquired, `statements` statements that use it
    (arithmetic, branches, loops, queries), then released: the flow analysis
    of session-unscoped-acquire and session-manual-transaction runs on a CFG
    whose size grows with `statements`."""
    lines = ["#include <libpq-fe.h>", "",
             "int work(const char *info) {",
             "  PGconn *conn = PQconnectdb(info);",
             "  if (PQstatus(conn) != CONNECTION_OK) {",
             "    PQfinish(conn);", "    return -1;", "  }",
             '  PQclear(PQexec(conn, "BEGIN"));',
             "  int acc = 0;", "  PGresult *res = nullptr;"]
    for i in range(statements):
        shape = i % 4
        if shape == 0:
            lines.append(f"  acc += {i} * 3;")
        elif shape == 1:
            lines.append(f"  if (acc > {i}) acc -= PQbackendPID(conn); else acc += 1;")
        elif shape == 2:
            lines.append(f'  {{ res = PQexec(conn, "select {i}"); acc += PQntuples(res); PQclear(res); }}')
        else:
            lines.append(f"  for (int k = 0; k < {i % 7 + 1}; ++k) acc += k;")
    lines += ['  PQclear(PQexec(conn, "COMMIT"));', "  PQfinish(conn);",
              "  return acc;", "}", ""]
    return "\n".join(lines)


def many_handles_source(handles):
    """One function that opens, uses and closes `handles` connections, one
    after the other: `handles` variables for the flow analysis to track."""
    lines = ["#include <libpq-fe.h>", "",
             "int work(const char *info) {", "  int acc = 0;"]
    for i in range(handles):
        lines += [f"  PGconn *c{i} = PQconnectdb(info);",
                  f"  if (PQstatus(c{i}) == CONNECTION_OK) acc += PQbackendPID(c{i});",
                  f"  PQfinish(c{i});"]
    lines += ["  return acc;", "}", ""]
    return "\n".join(lines)
