//===--- Compose.cpp - A deployment from docker-compose.yml ---------------===//

#include "Compose.h"
#include "Commands.h"
#include "InputFiles.h"
#include "RunResult.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"

namespace session_lint {
namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Message.str());
}

Environment environmentOf(const YamlNode *Node) {
  Environment Env;
  if (!Node)
    return Env;
  for (const auto &[Key, Value] : Node->Entries)
    Env.emplace_back(Key, Value.scalar().str());
  for (const YamlNode &Item : Node->Items) {
    auto [Key, Value] = Item.scalar().split('=');
    Env.emplace_back(Key.str(), Value.str());
  }
  return Env;
}

/// The host side of the bind mount whose container path \p Matches; "" if
/// none. Short syntax `./pg.conf:/etc/postgresql/postgresql.conf:ro` and the
/// long `{type: bind, source, target}`.
template <typename Predicate>
std::string mountedFrom(const YamlNode &Service, Predicate Matches) {
  const YamlNode *Volumes = Service.get("volumes");
  if (!Volumes)
    return "";
  for (const YamlNode &Volume : Volumes->Items) {
    llvm::StringRef Source, Target;
    if (Volume.isScalar()) {
      llvm::SmallVector<llvm::StringRef, 3> Parts;
      Volume.scalar().split(Parts, ':');
      if (Parts.size() < 2)
        continue;
      Source = Parts[0];
      Target = Parts[1];
    } else {
      const YamlNode *S = Volume.get("source"), *T = Volume.get("target");
      if (!S || !T)
        continue;
      Source = S->scalar();
      Target = T->scalar();
    }
    if (Matches(Target))
      return Source.str();
  }
  return "";
}

/// "1 replica × 5 processes (celery worker --concurrency=4: 1 main + 4
/// children)".
std::string countedFrom(int64_t Replicas, llvm::StringRef ReplicasFrom,
                        int64_t Processes, llvm::StringRef ProcessesFrom) {
  std::string Text = std::to_string(Replicas) +
                     (Replicas == 1 ? " replica" : " replicas");
  if (!ReplicasFrom.empty())
    Text += " (" + ReplicasFrom.str() + ")";
  Text += " × " + std::to_string(Processes) +
          (Processes == 1 ? " process" : " processes");
  if (!ProcessesFrom.empty())
    Text += " (" + ProcessesFrom.str() + ")";
  return Text;
}

/// Containers of a service: `deploy.replicas`, or the older `scale`.
llvm::Expected<std::pair<int64_t, std::string>>
replicasOf(const YamlNode &Node) {
  for (auto [Path, Shown] :
       {std::pair{Node.at({"deploy", "replicas"}), "deploy.replicas"},
        std::pair{Node.get("scale"), "scale"}}) {
    if (!Path)
      continue;
    std::optional<int64_t> N = parseCount(Path->scalar());
    if (!N)
      return error(llvm::Twine(Shown) + " is not a count");
    return std::pair{*N, std::string(Shown)};
  }
  return std::pair{int64_t(1), std::string()};
}

struct Reader {
  llvm::StringRef Name, BaseDir;
  Deployment D;
  std::vector<std::string> Databases; // services running PostgreSQL

  std::string where(llvm::StringRef Service) const {
    return (Name + " service '" + Service + "'").str();
  }

  llvm::Error database(llvm::StringRef Service, const YamlNode &Node,
                       llvm::ArrayRef<std::string> Words) {
    Databases.push_back(Service.str());
    std::vector<std::string> Command(Words.begin(), Words.end());
    // The postgres image runs the server with the arguments it is given
    // when they start with an option (`command: -c max_connections=200`).
    if (Command.empty() || llvm::StringRef(Command.front()).starts_with("-"))
      Command.insert(Command.begin(), "postgres");
    PostgresCommand Server = postgresCommand(Command);
    std::optional<int64_t> Limit = Server.MaxConnections;
    std::string From = where(Service) + ": " + Server.MaxConnectionsWords;
    if (!Limit && !Server.MaxConnectionsWords.empty())
      return error(where(Service) + ": '" + Server.MaxConnectionsWords +
                   "' is not a count");
    if (!Limit) {
      std::string Conf = mountedFrom(Node, [&](llvm::StringRef Target) {
        return Server.ConfigFile.empty()
                   ? llvm::sys::path::filename(Target) == "postgresql.conf"
                   : Target == Server.ConfigFile;
      });
      if (!Conf.empty()) {
        std::string Path = absoluteFrom(BaseDir, Conf);
        auto Text = readRegularFile(Path, ConfigSizeLimit);
        if (!Text)
          return error(where(Service) + " mounts '" + Conf +
                       "', which cannot be read: " +
                       llvm::toString(Text.takeError()));
        Limit = maxConnectionsInConf((*Text)->getBuffer());
        From = where(Service) + ": max_connections in " + Conf;
      }
    }
    if (!Limit) {
      Limit = PostgresDefaultMaxConnections;
      From = where(Service) + ": PostgreSQL's default (no max_connections "
                              "in its command or a mounted postgresql.conf)";
    }
    Environment Env = environmentOf(Node.get("environment"));
    for (const auto &[Key, Value] : Env)
      if (Key == "POSTGRES_MAX_CONNECTIONS" && parseCount(Value) != Limit)
        D.Notes.push_back(where(Service) + ": POSTGRES_MAX_CONNECTIONS=" +
                          Value +
                          " is read by no postgres image; the server runs "
                          "with max_connections " +
                          std::to_string(*Limit));
    D.MaxConnections = *Limit;
    D.MaxConnectionsFrom = From;
    const YamlNode *CommandNode = Node.get("command");
    D.MaxConnectionsAt =
        fileLine(Name, CommandNode ? CommandNode->KeyLine : Node.KeyLine);
    return llvm::Error::success();
  }

  llvm::Error pooler(llvm::StringRef Service, const YamlNode &Node) {
    auto Instances = replicasOf(Node);
    if (!Instances)
      return error(where(Service) + ": " + toString(Instances.takeError()));
    llvm::Error Read = poolerSettings(Service, Node);
    if (!Read && D.Pool)
      D.Pool->Instances = Instances->first;
    return Read;
  }

  llvm::Error poolerSettings(llvm::StringRef Service, const YamlNode &Node) {
    std::string Ini = mountedFrom(Node, [](llvm::StringRef Target) {
      return llvm::sys::path::filename(Target) == "pgbouncer.ini";
    });
    if (!Ini.empty()) {
      auto Read = readPgBouncerIni(absoluteFrom(BaseDir, Ini), Ini);
      if (!Read)
        return Read.takeError();
      D.Pool = std::move(*Read);
      return llvm::Error::success();
    }
    // The images that write pgbouncer.ini from their environment.
    Pooler P;
    P.From = where(Service) + " environment";
    bool Any = false;
    for (const auto &[Key, Value] : environmentOf(Node.get("environment"))) {
      PoolerSetting Applied = applyPoolerEnvironment(P, Key, Value);
      if (Applied == PoolerSetting::NotACount)
        return error(where(Service) + ": " + Key + "='" + Value +
                     "' is not a count");
      Any |= Applied == PoolerSetting::Applied;
    }
    if (!Any)
      return error(where(Service) +
                   " runs PgBouncer but mounts no pgbouncer.ini and sets none "
                   "of its settings in its environment");
    if (P.Mode != "session" && P.Mode != "transaction" && P.Mode != "statement")
      return error(where(Service) + ": pool_mode '" + P.Mode +
                   "' is not session, transaction or statement");
    D.Pool = std::move(P);
    return llvm::Error::success();
  }

  llvm::Error component(llvm::StringRef Service, const YamlNode &Node,
                        llvm::ArrayRef<std::string> Words) {
    ProcessKind Kind;
    Kind.Name = Service.str();
    auto ReplicasRead = replicasOf(Node);
    if (!ReplicasRead)
      return error(where(Service) + ": " +
                   toString(ReplicasRead.takeError()));
    auto [Replicas, ReplicasFrom] = *ReplicasRead;
    int64_t Processes = 1;
    std::string ProcessesFrom;
    std::string Problem;
    if (std::optional<ProcessCount> Count = processesOfCommand(
            Words, environmentOf(Node.get("environment")), Problem)) {
      Processes = Count->Processes;
      ProcessesFrom = Count->Evidence;
      Kind.Threads = Count->Threads;
    }
    if (const YamlNode *Own = Node.get("x-session-lint")) {
      if (!Own->isMapping())
        return error(where(Service) + ": x-session-lint must be a mapping "
                                      "(sources, files, processes, threads)");
      for (const auto &[Key, Value] : Own->Entries) {
        if (Key == "sources")
          Kind.Sources = yamlStrings(&Value);
        else if (Key == "files")
          Kind.Files = yamlStrings(&Value);
        else if (Key == "processes" || Key == "threads") {
          std::optional<int64_t> N = parseCount(Value.scalar());
          if (!N)
            return error(where(Service) + ": x-session-lint " + Key +
                         " is not a count");
          if (Key == "threads") {
            Kind.Threads = *N;
          } else {
            Processes = *N;
            ProcessesFrom = "x-session-lint";
            Problem.clear();
          }
        } else {
          return error(where(Service) + ": unknown key '" + Key +
                       "' in x-session-lint (sources, files, processes, "
                       "threads)");
        }
      }
    }
    // Relative to the Compose file, wherever the file naming it is.
    for (std::vector<std::string> *Paths : {&Kind.Sources, &Kind.Files})
      for (std::string &Path : *Paths)
        Path = absoluteFrom(BaseDir, Path);
    Kind.CountProblem =
        Problem.empty() ? "" : where(Service) + ": " + Problem;
    Kind.Count = Replicas * Processes;
    Kind.Replicas = Replicas;
    Kind.PerReplica = Processes;
    Kind.At = fileLine(Name, Node.KeyLine);
    Kind.CountedFrom = countedFrom(Replicas, ReplicasFrom, Processes,
                                   ProcessesFrom) +
                       "; " + where(Service);
    D.Processes.push_back(std::move(Kind));
    return llvm::Error::success();
  }
};

} // namespace

bool isComposeFile(const YamlNode &Root) {
  const YamlNode *Services = Root.get("services");
  return Services && Services->isMapping();
}

llvm::Expected<Deployment> readCompose(const YamlNode &Root,
                                       llvm::StringRef Name,
                                       llvm::StringRef BaseDir) {
  Reader R{Name, BaseDir, {}, {}};
  R.D.BaseDir = BaseDir.str();
  for (const auto &[Service, Node] : Root.get("services")->Entries) {
    if (!Node.isMapping())
      return error(R.where(Service) + " is not a mapping");
    std::vector<std::string> Parts = yamlStrings(Node.get("entrypoint"));
    llvm::append_range(Parts, yamlStrings(Node.get("command")));
    std::vector<std::string> Words = commandWords(Parts);
    llvm::StringRef Image = Node.get("image") ? Node.get("image")->scalar() : "";
    bool RunsPostgres = imageIs(Image, "postgres") ||
                        imageIs(Image, "postgresql") ||
                        postgresCommand(Words).RunsPostgres;
    bool RunsPgBouncer =
        imageIs(Image, "pgbouncer") ||
        llvm::any_of(Words, [](llvm::StringRef W) {
          return llvm::sys::path::filename(W) == "pgbouncer";
        });
    llvm::Error E = RunsPostgres    ? R.database(Service, Node, Words)
                    : RunsPgBouncer ? R.pooler(Service, Node)
                                    : R.component(Service, Node, Words);
    if (E)
      return std::move(E);
  }
  if (R.Databases.size() > 1) {
    R.D.MaxConnections = 0;
    R.D.MaxConnectionsFrom.clear();
    R.D.Notes.push_back(Name.str() + " runs PostgreSQL in " +
                        std::to_string(R.Databases.size()) + " services (" +
                        llvm::join(R.Databases, ", ") +
                        "); the budget needs the one the components use: give "
                        "max_connections in a session-lint deployment file "
                        "that names this one (compose: " +
                        llvm::sys::path::filename(Name).str() + ")");
  }
  return std::move(R.D);
}

} // namespace session_lint
