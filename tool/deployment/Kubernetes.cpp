//===--- Kubernetes.cpp - A deployment from Kubernetes manifests ----------===//

#include "Kubernetes.h"
#include "Commands.h"
#include "InputFiles.h"
#include "RunResult.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <map>

namespace session_lint {
namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Message.str());
}

// A folder named by an untrusted file (`kubernetes: /`) must not walk the
// whole disk.
constexpr unsigned FolderDepthLimit = 8;
constexpr size_t ManifestFileLimit = 2000;
constexpr size_t FolderEntryLimit = 20000;

struct Object {
  const YamlNode *Node;
  llvm::StringRef File;
  std::string Kind, Name;
  std::string where() const {
    return (File + ": " + Kind + " '" + Name + "'").str();
  }
};

Environment environmentOf(const YamlNode *Container) {
  Environment Env;
  if (const YamlNode *List = Container->get("env"))
    for (const YamlNode &Item : List->Items)
      if (const YamlNode *Name = Item.get("name"))
        Env.emplace_back(Name->scalar().str(),
                         Item.get("value") ? Item.get("value")->scalar().str()
                                           : "");
  return Env;
}

std::vector<std::string> commandOf(const YamlNode &Container) {
  std::vector<std::string> Parts = yamlStrings(Container.get("command"));
  llvm::append_range(Parts, yamlStrings(Container.get("args")));
  return commandWords(Parts);
}

const YamlNode *containersOf(const YamlNode &Workload) {
  return Workload.at({"spec", "template", "spec", "containers"});
}

/// The annotation \p Key of the workload or its pod template.
const YamlNode *annotation(const YamlNode &Workload, llvm::StringRef Key) {
  for (const YamlNode *Annotations :
       {Workload.at({"metadata", "annotations"}),
        Workload.at({"spec", "template", "metadata", "annotations"})})
    if (Annotations)
      if (const YamlNode *Value = Annotations->get(Key))
        return Value;
  return nullptr;
}

std::vector<std::string> listAnnotation(const YamlNode &Workload,
                                        llvm::StringRef Key) {
  std::vector<std::string> Items;
  if (const YamlNode *Value = annotation(Workload, Key)) {
    llvm::SmallVector<llvm::StringRef, 8> Parts;
    llvm::SplitString(Value->scalar(), Parts, ", \t\n");
    for (llvm::StringRef Part : Parts)
      Items.push_back(Part.str());
  }
  return Items;
}

bool containerImageIs(const YamlNode &Container, llvm::StringRef Name) {
  const YamlNode *Image = Container.get("image");
  return Image && imageIs(Image->scalar(), Name);
}

struct Reader {
  Deployment D;
  std::vector<Object> Workloads, Autoscalers, ConfigMaps;
  std::vector<std::string> Databases;
  std::string CommandLimitFrom;

  llvm::Error database(const Object &W, const YamlNode &Container) {
    Databases.push_back(W.where());
    std::vector<std::string> Command = commandOf(Container);
    if (Command.empty() || llvm::StringRef(Command.front()).starts_with("-"))
      Command.insert(Command.begin(), "postgres");
    PostgresCommand Server = postgresCommand(Command);
    if (!Server.MaxConnectionsWords.empty() && !Server.MaxConnections)
      return error(W.where() + ": '" + Server.MaxConnectionsWords +
                   "' is not a count");
    if (Server.MaxConnections) {
      D.MaxConnections = *Server.MaxConnections;
      D.MaxConnectionsFrom = W.where() + ": " + Server.MaxConnectionsWords;
      const YamlNode *Said = Container.get("args") ? Container.get("args")
                                                   : Container.get("command");
      D.MaxConnectionsAt =
          fileLine(W.File, Said ? Said->KeyLine : Container.Line);
    }
    return llvm::Error::success();
  }

  llvm::Error pooler(const Object &W, const YamlNode &Container) {
    std::optional<int64_t> Replicas = replicas(W);
    if (!Replicas)
      return error(W.where() + ": spec.replicas is not a count");
    if (!D.Pool) {
      Pooler P;
      P.From = W.where() + " environment";
      for (const auto &[Key, Value] : environmentOf(&Container)) {
        if (applyPoolerEnvironment(P, Key, Value) == PoolerSetting::NotACount)
          return error(W.where() + ": " + Key + "='" + Value +
                       "' is not a count");
      }
      if (P.Mode != "session" && P.Mode != "transaction" &&
          P.Mode != "statement")
        return error(W.where() + ": pool_mode '" + P.Mode +
                     "' is not session, transaction or statement");
      D.Pool = std::move(P);
    }
    D.Pool->Instances = *Replicas;
    return llvm::Error::success();
  }

  static std::optional<int64_t> replicas(const Object &W) {
    const YamlNode *N = W.Node->at({"spec", "replicas"});
    return N ? parseCount(N->scalar()) : std::optional<int64_t>(1);
  }

  llvm::Error component(const Object &W, const YamlNode *Containers) {
    ProcessKind Kind;
    Kind.Name = W.Name;
    std::optional<int64_t> Replicas = replicas(W);
    if (!Replicas)
      return error(W.where() + ": spec.replicas is not a count");
    int64_t Processes = 1;
    std::string ProcessesFrom, Problem;
    for (const YamlNode &Container : Containers->Items) {
      std::string Said;
      if (std::optional<ProcessCount> Count = processesOfCommand(
              commandOf(Container), environmentOf(&Container), Said)) {
        Processes = Count->Processes;
        ProcessesFrom = Count->Evidence;
        Kind.Threads = Count->Threads;
        break;
      }
      if (Problem.empty())
        Problem = Said;
    }
    for (llvm::StringRef Key : {"processes", "threads"}) {
      const YamlNode *Value = annotation(*W.Node, ("session-lint/" + Key).str());
      if (!Value)
        continue;
      std::optional<int64_t> N = parseCount(Value->scalar());
      if (!N)
        return error(W.where() + ": annotation session-lint/" + Key +
                     " is not a count");
      if (Key == "threads") {
        Kind.Threads = *N;
      } else {
        Processes = *N;
        ProcessesFrom = "annotation session-lint/processes";
        Problem.clear();
      }
    }
    Kind.CountProblem = Problem.empty() ? "" : W.where() + ": " + Problem;
    // Relative to the manifest that says them.
    llvm::SmallString<256> Folder(W.File);
    llvm::sys::fs::make_absolute(Folder);
    llvm::sys::path::remove_filename(Folder);
    Kind.Sources = listAnnotation(*W.Node, "session-lint/sources");
    Kind.Files = listAnnotation(*W.Node, "session-lint/files");
    for (std::vector<std::string> *Paths : {&Kind.Sources, &Kind.Files})
      for (std::string &Path : *Paths)
        Path = absoluteFrom(Folder, Path);
    Kind.Count = *Replicas * Processes;
    Kind.Replicas = *Replicas;
    Kind.PerReplica = Processes;
    const YamlNode *Named = W.Node->at({"metadata", "name"});
    Kind.At = fileLine(W.File, Named ? Named->KeyLine : W.Node->Line);
    std::string PerPod = std::to_string(Processes) +
                         (Processes == 1 ? " process" : " processes") +
                         (ProcessesFrom.empty() ? "" : " (" + ProcessesFrom + ")");
    Kind.CountedFrom = std::to_string(*Replicas) +
                       (*Replicas == 1 ? " replica" : " replicas") + " × " +
                       PerPod + "; " + W.where();
    for (const Object &A : Autoscalers) {
      const YamlNode *Target = A.Node->at({"spec", "scaleTargetRef"});
      if (!Target || Target->get("name") == nullptr ||
          Target->get("name")->scalar() != W.Name ||
          (Target->get("kind") && Target->get("kind")->scalar() != W.Kind))
        continue;
      std::optional<int64_t> Max =
          parseCount(A.Node->at({"spec", "maxReplicas"})
                         ? A.Node->at({"spec", "maxReplicas"})->scalar()
                         : "");
      if (!Max)
        return error(A.where() + ": spec.maxReplicas is not a count");
      // Under an autoscaler, spec.replicas is usually left out: the pods
      // start at minReplicas.
      if (!W.Node->at({"spec", "replicas"}))
        if (const YamlNode *Min = A.Node->at({"spec", "minReplicas"}))
          if (std::optional<int64_t> N = parseCount(Min->scalar()))
            Kind.Count = *N * Processes;
      Kind.WorstCount = *Max * Processes;
      Kind.Replicas = Kind.Count / std::max<int64_t>(Processes, 1);
      Kind.WorstReplicas = *Max;
      Kind.CountedFrom = std::to_string(Kind.Count / std::max<int64_t>(Processes, 1)) +
                         " replicas now, up to " + std::to_string(*Max) +
                         " (" + A.where() + " maxReplicas) × " + PerPod +
                         "; " + W.where();
    }
    D.Processes.push_back(std::move(Kind));
    return llvm::Error::success();
  }

  llvm::Error configMap(const Object &C) {
    const YamlNode *Data = C.Node->get("data");
    if (!Data)
      return llvm::Error::success();
    for (const auto &[Key, Value] : Data->Entries) {
      if (Key == "pgbouncer.ini") {
        auto Read = parsePgBouncerIni(Value.scalar(),
                                      C.where() + " pgbouncer.ini");
        if (!Read)
          return Read.takeError();
        int64_t Instances = D.Pool ? D.Pool->Instances : 1;
        D.Pool = std::move(*Read);
        D.Pool->Instances = Instances;
      } else if ((Key == "postgresql.conf" || Key == "max_connections") &&
                 D.MaxConnectionsFrom.empty()) {
        std::optional<int64_t> N = Key == "max_connections"
                                       ? parseCount(Value.scalar())
                                       : maxConnectionsInConf(Value.scalar());
        if (N) {
          D.MaxConnections = *N;
          D.MaxConnectionsFrom = C.where() + ": " + Key;
          D.MaxConnectionsAt = fileLine(C.File, Value.KeyLine);
        }
      }
    }
    return llvm::Error::success();
  }
};

void collect(const YamlNode &Node, llvm::StringRef File, Reader &R) {
  llvm::StringRef Kind = Node.get("kind") ? Node.get("kind")->scalar() : "";
  if (Kind == "List") {
    if (const YamlNode *Items = Node.get("items"))
      for (const YamlNode &Item : Items->Items)
        if (isKubernetesObject(Item))
          collect(Item, File, R);
    return;
  }
  const YamlNode *Name = Node.at({"metadata", "name"});
  Object O{&Node, File, Kind.str(), Name ? Name->scalar().str() : ""};
  if (Kind == "Deployment" || Kind == "StatefulSet")
    R.Workloads.push_back(O);
  else if (Kind == "HorizontalPodAutoscaler")
    R.Autoscalers.push_back(O);
  else if (Kind == "ConfigMap")
    R.ConfigMaps.push_back(O);
}

} // namespace

bool isKubernetesObject(const YamlNode &Root) {
  return Root.isMapping() && Root.get("apiVersion") && Root.get("kind");
}

llvm::Expected<Deployment>
readKubernetes(llvm::ArrayRef<Manifest> Manifests, llvm::StringRef BaseDir) {
  Reader R;
  R.D.BaseDir = BaseDir.str();
  for (const Manifest &M : Manifests)
    for (const YamlNode &Document : M.Documents)
      if (isKubernetesObject(Document))
        collect(Document, M.Name, R);
  // Workloads first: a command's max_connections wins over a ConfigMap's,
  // as `-c` wins over postgresql.conf in the server.
  for (const Object &W : R.Workloads) {
    const YamlNode *Containers = containersOf(*W.Node);
    if (!Containers || !Containers->isSequence())
      return error(W.where() + " has no spec.template.spec.containers");
    const YamlNode *Postgres = nullptr, *PgBouncer = nullptr;
    for (const YamlNode &Container : Containers->Items) {
      if (containerImageIs(Container, "postgres") ||
          containerImageIs(Container, "postgresql"))
        Postgres = &Container;
      if (containerImageIs(Container, "pgbouncer"))
        PgBouncer = &Container;
    }
    llvm::Error E = Postgres    ? R.database(W, *Postgres)
                    : PgBouncer ? llvm::Error::success()
                                : R.component(W, Containers);
    if (E)
      return std::move(E);
  }
  for (const Object &C : R.ConfigMaps)
    if (llvm::Error E = R.configMap(C))
      return std::move(E);
  // PgBouncer's replicas, once its settings (a ConfigMap) are known.
  for (const Object &W : R.Workloads)
    if (const YamlNode *Containers = containersOf(*W.Node))
      for (const YamlNode &Container : Containers->Items)
        if (containerImageIs(Container, "pgbouncer"))
          if (llvm::Error E = R.pooler(W, Container))
            return std::move(E);
  if (!R.Databases.empty() && R.D.MaxConnectionsFrom.empty()) {
    R.D.MaxConnections = PostgresDefaultMaxConnections;
    R.D.MaxConnectionsFrom =
        R.Databases.front() + ": PostgreSQL's default (no max_connections in "
                              "its command, args or a ConfigMap)";
  }
  if (R.Databases.size() > 1)
    R.D.Notes.push_back("the manifests run PostgreSQL in " +
                        std::to_string(R.Databases.size()) +
                        " workloads; the budget uses max_connections " +
                        std::to_string(R.D.MaxConnections) + " (" +
                        R.D.MaxConnectionsFrom + ")");
  return std::move(R.D);
}

llvm::Expected<std::vector<Manifest>> readManifestFolder(llvm::StringRef Dir) {
  std::vector<std::string> Files;
  std::error_code EC;
  llvm::sys::fs::recursive_directory_iterator It(Dir, EC, /*follow=*/false),
      End;
  size_t Entries = 0;
  for (; It != End && !EC; It.increment(EC)) {
    if (++Entries > FolderEntryLimit)
      return error("the folder '" + Dir + "' holds more than " +
                   llvm::Twine(FolderEntryLimit) +
                   " entries; name the folder of the manifests");
    if (It.level() >= int(FolderDepthLimit)) {
      It.no_push();
      continue;
    }
    llvm::StringRef Ext = llvm::sys::path::extension(It->path());
    if (It->type() == llvm::sys::fs::file_type::regular_file &&
        (Ext == ".yaml" || Ext == ".yml"))
      Files.push_back(It->path());
    if (Files.size() > ManifestFileLimit)
      return error("the folder '" + Dir + "' holds more than " +
                   llvm::Twine(ManifestFileLimit) + " YAML files");
  }
  if (EC)
    return error("cannot read the folder '" + Dir + "': " + EC.message());
  llvm::sort(Files);
  std::vector<Manifest> Manifests;
  for (const std::string &File : Files) {
    auto Buffer = readRegularFile(File, ConfigSizeLimit);
    if (!Buffer)
      return error("cannot read '" + File +
                   "': " + llvm::toString(Buffer.takeError()));
    if (llvm::Error E = checkNesting((*Buffer)->getBuffer(), /*Yaml=*/true))
      return error("invalid manifest '" + File +
                   "': " + llvm::toString(std::move(E)));
    auto Documents = parseYamlDocuments((*Buffer)->getBuffer(), File);
    if (!Documents)
      return Documents.takeError();
    if (llvm::any_of(*Documents, isKubernetesObject))
      Manifests.push_back({File, std::move(*Documents)});
  }
  if (Manifests.empty())
    return error("the folder '" + Dir + "' holds no Kubernetes manifest");
  return Manifests;
}

} // namespace session_lint
