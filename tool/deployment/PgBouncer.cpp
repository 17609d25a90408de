//===--- PgBouncer.cpp - A connection pooler between the processes and the server

#include "PgBouncer.h"
#include "Commands.h"
#include "InputFiles.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"

namespace session_lint {
namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Message.str());
}

int64_t poolOf(const Pooler &P, const Pooler::Database &D) {
  int64_t Pool = D.PoolSize.value_or(P.DefaultPoolSize) + P.ReservePoolSize;
  int64_t Cap = D.MaxDbConnections.value_or(P.MaxDbConnections);
  return Cap > 0 ? std::min(Pool, Cap) : Pool;
}

/// [databases] lists none, or only the `*` fallback: one pool counts.
std::vector<Pooler::Database> databasesOf(const Pooler &P) {
  if (P.Databases.empty())
    return {Pooler::Database{"*", std::nullopt, std::nullopt, "", 0}};
  return P.Databases;
}

} // namespace

int64_t Pooler::serverConnections() const {
  int64_t Sum = 0;
  for (const Database &D : databasesOf(*this))
    Sum += poolOf(*this, D);
  return Instances * Sum;
}

std::string Pooler::serverConnectionsExplained() const {
  std::string Text;
  if (Instances > 1)
    Text = std::to_string(Instances) + " instances × (";
  for (const Database &D : databasesOf(*this)) {
    if (!Text.empty())
      Text += " + ";
    Text += "database '" + D.Name + "': ";
    Text += D.PoolSize ? "pool_size " + std::to_string(*D.PoolSize)
                       : "default_pool_size " + std::to_string(DefaultPoolSize);
    if (ReservePoolSize)
      Text += " + reserve_pool_size " + std::to_string(ReservePoolSize);
    int64_t Cap = D.MaxDbConnections.value_or(MaxDbConnections);
    int64_t Pool = D.PoolSize.value_or(DefaultPoolSize) + ReservePoolSize;
    if (Cap > 0 && Cap < Pool)
      Text += ", capped by max_db_connections " + std::to_string(Cap);
  }
  if (Instances > 1)
    Text += ")";
  return Text;
}

llvm::Expected<Pooler> parsePgBouncerIni(llvm::StringRef Text,
                                         llvm::StringRef Name) {
  Pooler P;
  P.From = Name.str();
  std::string Section;
  bool SawPgBouncer = false;
  unsigned LineNumber = 0;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    ++LineNumber;
    Line = Line.trim();
    if (Line.empty() || Line.front() == ';' || Line.front() == '#')
      continue;
    // A string, not a Twine: a returned Twine would point at temporaries.
    auto Where = [&] {
      return (Name + ":" + llvm::Twine(LineNumber) + ": ").str();
    };
    if (Line.starts_with("%include"))
      return error(Where() + "%include is not supported; give session-lint "
                             "the settings in one file");
    if (Line.consume_front("[")) {
      Section = Line.split(']').first.trim().lower();
      SawPgBouncer |= Section == "pgbouncer";
      continue;
    }
    auto [Key, Value] = Line.split('=');
    Key = Key.trim();
    Value = Value.trim();
    if (Section == "databases") {
      Pooler::Database D{Key.str(), std::nullopt, std::nullopt, "",
                         LineNumber};
      if (D.Name == "*")
        continue; // the fallback serves databases listed nowhere
      llvm::SmallVector<llvm::StringRef, 8> Words;
      Value.split(Words, ' ', -1, /*KeepEmpty=*/false);
      for (llvm::StringRef Word : Words) {
        auto [Setting, Number] = Word.split('=');
        if (Setting == "pool_size" || Setting == "max_db_connections") {
          std::optional<int64_t> N = parseCount(Number);
          if (!N)
            return error(Where() + "'" + Word + "' is not a count");
          (Setting == "pool_size" ? D.PoolSize : D.MaxDbConnections) = N;
        } else if (Setting == "pool_mode") {
          D.Mode = Number.lower();
        }
      }
      P.Databases.push_back(std::move(D));
      continue;
    }
    if (Section != "pgbouncer")
      continue;
    if (Key == "pool_mode") {
      std::string Mode = Value.lower();
      if (Mode != "session" && Mode != "transaction" && Mode != "statement")
        return error(Where() + "pool_mode '" + Value +
                     "' is not session, transaction or statement");
      P.Mode = Mode;
      continue;
    }
    int64_t *Setting = llvm::StringSwitch<int64_t *>(Key)
                           .Case("max_client_conn", &P.MaxClientConn)
                           .Case("default_pool_size", &P.DefaultPoolSize)
                           .Case("reserve_pool_size", &P.ReservePoolSize)
                           .Case("max_db_connections", &P.MaxDbConnections)
                           .Default(nullptr);
    if (!Setting)
      continue;
    std::optional<int64_t> N = parseCount(Value);
    if (!N)
      return error(Where() + Key + " '" + Value + "' is not a count");
    *Setting = *N;
    if (Setting == &P.MaxClientConn)
      P.MaxClientConnLine = LineNumber;
  }
  if (!SawPgBouncer)
    return error(Name + ": no [pgbouncer] section; is it a pgbouncer.ini?");
  // One mode per file keeps the report's two sides honest; a database in a
  // mode of its own is rare enough to be refused by name.
  for (const Pooler::Database &D : P.Databases)
    if (!D.Mode.empty() && D.Mode != P.Mode)
      return error(Name + ":" + llvm::Twine(D.Line) + ": database '" + D.Name +
                   "' has pool_mode " + D.Mode + " but [pgbouncer] has " +
                   P.Mode + "; session-lint reads one pool_mode per file");
  return P;
}

llvm::Expected<Pooler> readPgBouncerIni(llvm::StringRef Path,
                                        llvm::StringRef Shown) {
  auto Buffer = readRegularFile(Path, ConfigSizeLimit);
  if (!Buffer)
    return error("cannot read '" + Shown +
                 "': " + llvm::toString(Buffer.takeError()));
  auto Read = parsePgBouncerIni((*Buffer)->getBuffer(), Shown);
  if (Read)
    Read->Path = Path.str();
  return Read;
}

PoolerSetting applyPoolerEnvironment(Pooler &P, llvm::StringRef Key,
                                     llvm::StringRef Value) {
  llvm::StringRef Setting = Key;
  Setting.consume_front("PGBOUNCER_");
  std::string Lower = Setting.lower();
  if (Lower == "pool_mode") {
    P.Mode = Value.lower();
    return PoolerSetting::Applied;
  }
  int64_t *Target = Lower == "max_client_conn"      ? &P.MaxClientConn
                    : Lower == "default_pool_size"  ? &P.DefaultPoolSize
                    : Lower == "reserve_pool_size"  ? &P.ReservePoolSize
                    : Lower == "max_db_connections" ? &P.MaxDbConnections
                                                    : nullptr;
  if (!Target)
    return PoolerSetting::NotOne;
  std::optional<int64_t> N = parseCount(Value);
  if (!N)
    return PoolerSetting::NotACount;
  *Target = *N;
  return PoolerSetting::Applied;
}

} // namespace session_lint
