//===--- Deployment.cpp - The connection budget of a deployment (R6) ------===//

#include "Deployment.h"
#include "InputFiles.h"
#include "PathGlob.h"
#include "deployment/Compose.h"
#include "deployment/Kubernetes.h"
#include "deployment/YamlTree.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/YAMLTraits.h"
#include "deployment/Commands.h"
#include <map>

using session_lint::Deployment;
using session_lint::PoolCapacity;
using session_lint::ProcessKind;

LLVM_YAML_IS_SEQUENCE_VECTOR(ProcessKind)
LLVM_YAML_IS_SEQUENCE_VECTOR(PoolCapacity)

namespace llvm::yaml {

/// Deployments are only read: the IO is an Input, whose error says whether
/// a key was missing (then validating the defaults only adds noise).
static bool alreadyFailed(IO &Io) {
  return !Io.outputting() && static_cast<Input &>(Io).error();
}

template <> struct MappingTraits<ProcessKind> {
  static void mapping(IO &Io, ProcessKind &Kind) {
    Io.mapRequired("name", Kind.Name);
    // Absent: from the Compose service or workload of that name.
    Io.mapOptional("count", Kind.Count, ProcessKind::NotGiven);
    Io.mapOptional("threads", Kind.Threads);
    Io.mapOptional("sources", Kind.Sources);
    Io.mapOptional("files", Kind.Files);
  }
  static std::string validate(IO &Io, ProcessKind &Kind) {
    if (alreadyFailed(Io)) // a missing key was said; its default proves nothing
      return "";
    if (Kind.Count < 0 && Kind.Count != ProcessKind::NotGiven)
      return "process kind '" + Kind.Name + "' has a negative count";
    if (Kind.Count > session_lint::CountLimit ||
        Kind.Threads.value_or(0) > session_lint::CountLimit)
      return "process kind '" + Kind.Name + "' has a count above " +
             std::to_string(session_lint::CountLimit);
    if (Kind.Threads && *Kind.Threads <= 0)
      return "process kind '" + Kind.Name + "' has no threads";
    if (Kind.Sources.empty() && Kind.Files.empty())
      return "process kind '" + Kind.Name +
             "' names no 'sources' (globs) and no 'files'";
    return "";
  }
};

template <> struct MappingTraits<PoolCapacity> {
  static void mapping(IO &Io, PoolCapacity &Pool) {
    Io.mapRequired("at", Pool.At);
    Io.mapRequired("capacity", Pool.Capacity);
  }
  static std::string validate(IO &Io, PoolCapacity &Pool) {
    if (alreadyFailed(Io))
      return "";
    if (Pool.Capacity < 0)
      return "pool at '" + Pool.At + "' has a negative capacity";
    if (Pool.Capacity > session_lint::CountLimit)
      return "pool at '" + Pool.At + "' has a capacity above " +
             std::to_string(session_lint::CountLimit);
    return "";
  }
};

template <> struct MappingTraits<Deployment> {
  static void mapping(IO &Io, Deployment &D) {
    // The files a team already keeps give what ours then need not.
    Io.mapOptional("compose", D.Compose);
    Io.mapOptional("kubernetes", D.Kubernetes);
    Io.mapOptional("pgbouncer", D.PgBouncer);
    bool FromPlatform = !D.Compose.empty() || !D.Kubernetes.empty();
    if (FromPlatform) {
      Io.mapOptional("max_connections", D.MaxConnections, int64_t(0));
      Io.mapOptional("processes", D.Processes);
    } else {
      Io.mapRequired("max_connections", D.MaxConnections);
      Io.mapRequired("processes", D.Processes);
    }
    Io.mapOptional("reserved", D.Reserved, int64_t(0));
    Io.mapOptional("pools", D.Pools);
  }
  static std::string validate(IO &Io, Deployment &D) {
    if (alreadyFailed(Io))
      return "";
    for (size_t I = 0; I < D.Processes.size(); ++I)
      for (size_t J = 0; J < I; ++J)
        if (D.Processes[I].Name == D.Processes[J].Name)
          return "two process kinds are named '" + D.Processes[I].Name + "'";
    bool FromPlatform = !D.Compose.empty() || !D.Kubernetes.empty();
    if (!D.Compose.empty() && !D.Kubernetes.empty())
      return "give either compose or kubernetes, not both";
    if (D.MaxConnections > session_lint::CountLimit)
      return "max_connections is above " +
             std::to_string(session_lint::CountLimit);
    if (!FromPlatform) {
      if (D.MaxConnections <= 0)
        return "max_connections must be positive";
      if (D.Reserved < 0 || D.Reserved >= D.MaxConnections)
        return "reserved must be between 0 and max_connections - 1";
      if (D.Processes.empty())
        return "no process kinds";
      for (const ProcessKind &Kind : D.Processes)
        if (Kind.Count == ProcessKind::NotGiven)
          return "process kind '" + Kind.Name +
                 "' has no count (only a component of a Compose file or "
                 "Kubernetes manifests named by compose: or kubernetes: may "
                 "leave it out)";
    } else if (D.MaxConnections < 0 || D.Reserved < 0) {
      return "max_connections and reserved cannot be negative";
    }
    return "";
  }
};

} // namespace llvm::yaml

namespace session_lint {
namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Message.str());
}

/// True if the first YAML document of \p Text is a mapping. Checked on a
/// stream of its own: YAML nodes can be read only once.
bool holdsMapping(llvm::StringRef Text) {
  llvm::SourceMgr SM;
  SM.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::yaml::Stream Stream(Text, SM);
  llvm::yaml::document_iterator Document = Stream.begin();
  return Document != Stream.end() && Document->getRoot() &&
         llvm::isa<llvm::yaml::MappingNode>(Document->getRoot());
}

/// The first line of \p Text that starts with \p Prefix (after
/// indentation and a list's dash), 1-based; 0 when none does.
unsigned lineStarting(llvm::StringRef Text, llvm::StringRef Prefix) {
  unsigned Number = 0;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    ++Number;
    llvm::StringRef Trimmed = Line.ltrim();
    if (Trimmed.consume_front("-"))
      Trimmed = Trimmed.ltrim().ltrim('{').ltrim();
    if (Trimmed.starts_with(Prefix))
      return Number;
    Text = Rest;
  }
  return 0;
}

/// Our own format, read with YAML I/O.
llvm::Expected<Deployment> parseOwnFormat(llvm::StringRef Text,
                                          llvm::StringRef Name,
                                          llvm::StringRef BaseDir) {
  Deployment D;
  std::string Diagnostics;
  llvm::raw_string_ostream DiagStream(Diagnostics);
  llvm::yaml::Input In(llvm::MemoryBufferRef(Text, Name), nullptr,
                       [](const llvm::SMDiagnostic &Diag, void *Context) {
                         Diag.print(nullptr,
                                    *static_cast<llvm::raw_ostream *>(Context),
                                    /*ShowColors=*/false);
                       },
                       &DiagStream);
  // YAML I/O has no node to attach an error to when the stream holds no
  // mapping (empty, only comments, an alias): say so before it validates.
  if (!holdsMapping(Text))
    return error("invalid deployment file '" + Name +
                 "': it holds no YAML mapping (max_connections, reserved, "
                 "processes, pools)");
  In >> D;
  if (In.error())
    return error("invalid deployment file '" + Name + "':\n" +
                 llvm::StringRef(Diagnostics).rtrim());
  D.BaseDir = BaseDir.str();
  std::string File = absoluteFrom(BaseDir, llvm::sys::path::filename(Name));
  D.MaxConnectionsAt = {File, lineStarting(Text, "max_connections:")};
  for (ProcessKind &Kind : D.Processes)
    Kind.At = {File, lineStarting(Text, "name: " + Kind.Name)};
  return D;
}

/// A Kubernetes manifest file or folder named by \p Path.
llvm::Expected<Deployment> readKubernetesAt(llvm::StringRef Path,
                                            llvm::StringRef BaseDir) {
  if (llvm::sys::fs::is_directory(Path)) {
    auto Manifests = readManifestFolder(Path);
    if (!Manifests)
      return Manifests.takeError();
    return readKubernetes(*Manifests, BaseDir);
  }
  auto Buffer = readRegularFile(Path, ConfigSizeLimit);
  if (!Buffer)
    return error("cannot read '" + Path +
                 "': " + llvm::toString(Buffer.takeError()));
  if (llvm::Error E = checkNesting((*Buffer)->getBuffer(), /*Yaml=*/true))
    return error("invalid manifest '" + Path +
                 "': " + llvm::toString(std::move(E)));
  auto Documents = parseYamlDocuments((*Buffer)->getBuffer(), Path);
  if (!Documents)
    return Documents.takeError();
  if (llvm::none_of(*Documents, isKubernetesObject))
    return error("'" + Path + "' holds no Kubernetes manifest");
  return readKubernetes({Manifest{Path.str(), std::move(*Documents)}},
                        BaseDir);
}

llvm::Expected<Deployment> readComposeAt(llvm::StringRef Path,
                                         llvm::StringRef BaseDir) {
  auto Buffer = readRegularFile(Path, ConfigSizeLimit);
  if (!Buffer)
    return error("cannot read '" + Path +
                 "': " + llvm::toString(Buffer.takeError()));
  if (llvm::Error E = checkNesting((*Buffer)->getBuffer(), /*Yaml=*/true))
    return error("invalid Compose file '" + Path +
                 "': " + llvm::toString(std::move(E)));
  auto Documents = parseYamlDocuments((*Buffer)->getBuffer(), Path);
  if (!Documents)
    return Documents.takeError();
  if (Documents->empty() || !isComposeFile(Documents->front()))
    return error("'" + Path + "' is no Compose file (no services)");
  return readCompose(Documents->front(), Path, BaseDir);
}

/// Joins what the platform files say (\p Platform) with our file (\p Own,
/// if any): our process kinds give sources (and may give counts) to the
/// components of the same name; our max_connections, reserve and pooler win.
llvm::Expected<Deployment> joinPlatform(Deployment Platform,
                                        const Deployment *Own,
                                        llvm::StringRef PlatformName) {
  Deployment D = std::move(Platform);
  if (Own) {
    D.BaseDir = Own->BaseDir;
    D.Reserved = Own->Reserved;
    D.Pools = Own->Pools;
    if (Own->MaxConnections > 0) {
      D.MaxConnections = Own->MaxConnections;
      D.MaxConnectionsFrom.clear();
      D.MaxConnectionsAt = Own->MaxConnectionsAt;
    }
    for (const ProcessKind &Kind : Own->Processes) {
      auto Same = llvm::find_if(D.Processes, [&](const ProcessKind &P) {
        return P.Name == Kind.Name;
      });
      if (Same == D.Processes.end()) {
        if (Kind.Count == ProcessKind::NotGiven)
          return error("process kind '" + Kind.Name + "' has no count, and " +
                       PlatformName + " has no component named '" +
                       Kind.Name + "' to take it from");
        D.Processes.push_back(Kind);
        continue;
      }
      if (Kind.Count != ProcessKind::NotGiven)
        Same->At = Kind.At;
      Same->Sources = Kind.Sources;
      Same->Files = Kind.Files;
      if (Kind.Threads)
        Same->Threads = Kind.Threads;
      if (Kind.Count != ProcessKind::NotGiven) {
        Same->Count = Kind.Count;
        Same->WorstCount.reset();
        Same->CountProblem.clear();
        Same->CountedFrom.clear();
        Same->Replicas.reset();
        Same->WorstReplicas.reset();
      }
    }
    if (!Own->PgBouncer.empty()) {
      auto Read = readPgBouncerIni(absoluteFrom(Own->BaseDir, Own->PgBouncer),
                                   Own->PgBouncer);
      if (!Read)
        return Read.takeError();
      int64_t Instances = D.Pool ? D.Pool->Instances : 1;
      D.Pool = std::move(*Read);
      D.Pool->Instances = Instances;
    }
  }
  // A component nobody names sources for does not connect as far as the
  // budget knows: said, not counted.
  std::vector<std::string> LeftOut;
  llvm::erase_if(D.Processes, [&](const ProcessKind &Kind) {
    if (!Kind.Sources.empty() || !Kind.Files.empty())
      return false;
    LeftOut.push_back(Kind.Name);
    return true;
  });
  if (!LeftOut.empty())
    D.Notes.push_back("not counted (no sources): " + llvm::join(LeftOut, ", ") +
                      "; name their sources with x-session-lint (Compose), "
                      "the session-lint/sources annotation (Kubernetes) or a "
                      "process kind of that name");
  for (const ProcessKind &Kind : D.Processes)
    if (!Kind.CountProblem.empty())
      return error(Kind.CountProblem);
  if (D.Processes.empty())
    return error(PlatformName + ": no component names its sources; add "
                                "x-session-lint: {sources: [...]} to a "
                                "service, the session-lint/sources annotation "
                                "to a workload, or process kinds in a "
                                "session-lint deployment file");
  if (D.MaxConnections <= 0)
    return error(PlatformName +
                 ": no PostgreSQL server whose max_connections session-lint "
                 "can read; give max_connections in a session-lint deployment "
                 "file that names it");
  if (D.Reserved >= D.MaxConnections)
    return error("reserved must be between 0 and max_connections - 1 (" +
                 std::to_string(D.MaxConnections) + ")");
  return D;
}

/// pgbouncer.ini names no processes: it is never the deployment alone.
bool looksLikeIni(llvm::StringRef Text) {
  return Text.ltrim().starts_with("[pgbouncer]") ||
         Text.contains("\n[pgbouncer]") || Text.contains("\n[databases]") ||
         Text.ltrim().starts_with("[databases]");
}

} // namespace

llvm::Expected<Deployment> parseDeployment(llvm::StringRef Text,
                                           llvm::StringRef Name,
                                           llvm::StringRef BaseDir) {
  if (llvm::Error E = checkNesting(Text, /*Yaml=*/true))
    return error("invalid deployment file '" + Name + "': " +
                 llvm::toString(std::move(E)));
  if (looksLikeIni(Text))
    return error("'" + Name +
                 "' is a pgbouncer.ini, which names no processes: give it "
                 "from a session-lint deployment file (pgbouncer: " +
                 llvm::sys::path::filename(Name) +
                 "), or mount it into the PgBouncer service of a Compose "
                 "file");
  // The kind of file is told from its content: errors of a file that is
  // none of the others are our format's (llvm::yaml::Input's) to say.
  auto Documents = parseYamlDocuments(Text, Name);
  bool LooksForeign = Text.starts_with("services:") ||
                      Text.contains("\nservices:") ||
                      Text.contains("apiVersion:");
  if (!Documents && LooksForeign)
    return error("invalid deployment file '" + Name +
                 "': " + llvm::toString(Documents.takeError()));
  if (!Documents)
    llvm::consumeError(Documents.takeError());
  else if (llvm::any_of(*Documents, isKubernetesObject)) {
    auto Read = readKubernetes({Manifest{Name.str(), std::move(*Documents)}},
                               BaseDir);
    if (!Read)
      return Read.takeError();
    return joinPlatform(std::move(*Read), nullptr, Name);
  } else if (!Documents->empty() && isComposeFile(Documents->front())) {
    auto Read = readCompose(Documents->front(), Name, BaseDir);
    if (!Read)
      return Read.takeError();
    return joinPlatform(std::move(*Read), nullptr, Name);
  }
  auto Own = parseOwnFormat(Text, Name, BaseDir);
  if (!Own)
    return Own.takeError();
  if (!Own->Compose.empty() || !Own->Kubernetes.empty()) {
    bool IsCompose = !Own->Compose.empty();
    std::string Path =
        absoluteFrom(BaseDir, IsCompose ? Own->Compose : Own->Kubernetes);
    // Mounts and annotations are relative to the files that say them.
    auto Platform =
        IsCompose
            ? readComposeAt(Path, llvm::sys::path::parent_path(Path))
            : readKubernetesAt(Path, BaseDir);
    if (!Platform)
      return Platform.takeError();
    return joinPlatform(std::move(*Platform), &*Own,
                        IsCompose ? Own->Compose : Own->Kubernetes);
  }
  if (!Own->PgBouncer.empty()) {
    auto Read = readPgBouncerIni(absoluteFrom(BaseDir, Own->PgBouncer),
                                 Own->PgBouncer);
    if (!Read)
      return Read.takeError();
    Own->Pool = std::move(*Read);
  }
  return Own;
}

llvm::Expected<Deployment> readDeployment(llvm::StringRef Path) {
  llvm::SmallString<256> Base(Path);
  llvm::sys::fs::make_absolute(Base);
  if (llvm::sys::fs::is_directory(Base)) {
    auto Read = readKubernetesAt(Path, Base);
    if (!Read)
      return Read.takeError();
    auto Joined = joinPlatform(std::move(*Read), nullptr, Path);
    if (Joined)
      Joined->File = fileLine(Path, 0).File;
    return Joined;
  }
  auto Buffer = readRegularFile(Path, ConfigSizeLimit);
  if (!Buffer)
    return error("cannot read deployment file '" + Path +
                 "': " + llvm::toString(Buffer.takeError()));
  llvm::sys::path::remove_filename(Base);
  auto Read = parseDeployment((*Buffer)->getBuffer(), Path, Base);
  if (Read)
    Read->File = fileLine(Path, 0).File;
  return Read;
}

FileLine fileLine(llvm::StringRef File, unsigned Line) {
  llvm::SmallString<256> Absolute(File);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return {std::string(Absolute), Line};
}

std::vector<PoolFinding> poolsIn(const RunResult &Result) {
  static const llvm::Regex Capacity("holds up to ([0-9]+) connections");
  std::vector<PoolFinding> Pools;
  for (const Diagnostic &Diag : Result.Diagnostics) {
    // Its other remarks are about workers.
    if (Diag.Check != "session-pool-budget" ||
        Diag.kind() != DiagnosticKind::Remark ||
        !llvm::StringRef(Diag.Main.Text).starts_with("connection pool "))
      continue;
    PoolFinding Pool;
    Pool.File = Diag.Main.File;
    Pool.Line = Diag.Main.Line;
    Pool.Description = Diag.Main.Text;
    llvm::SmallVector<llvm::StringRef, 2> Match;
    uint64_t Value = 0;
    if (Capacity.match(Diag.Main.Text, &Match) &&
        !Match[1].getAsInteger(10, Value))
      Pool.Capacity = Value;
    Pools.push_back(std::move(Pool));
  }
  llvm::sort(Pools, [](const PoolFinding &A, const PoolFinding &B) {
    return std::tie(A.File, A.Line) < std::tie(B.File, B.Line);
  });
  return Pools;
}

std::vector<WorkerFinding> workersIn(const RunResult &Result) {
  static const llvm::Regex Count("(runs|runs up to|starts|lets) ([0-9]+) "
                                 "workers per process");
  std::vector<WorkerFinding> Workers;
  for (const Diagnostic &Diag : Result.Diagnostics) {
    llvm::SmallVector<llvm::StringRef, 3> Match;
    if (Diag.Check != "session-pool-budget" ||
        Diag.kind() != DiagnosticKind::Remark ||
        llvm::StringRef(Diag.Main.Text).starts_with("connection pool ") ||
        !Count.match(Diag.Main.Text, &Match))
      continue;
    WorkerFinding Found;
    Found.File = Diag.Main.File;
    Found.Line = Diag.Main.Line;
    Found.Description = Diag.Main.Text;
    if (Match[2].getAsInteger(10, Found.Count))
      continue;
    Found.CapsDatabaseWork = llvm::StringRef(Diag.Main.Text)
                                 .ends_with("use the database at once");
    Workers.push_back(std::move(Found));
  }
  llvm::sort(Workers, [](const WorkerFinding &A, const WorkerFinding &B) {
    return std::tie(A.File, A.Line) < std::tie(B.File, B.Line);
  });
  return Workers;
}

std::optional<int64_t> BudgetRow::workers() const {
  std::optional<int64_t> Workers = Threads ? Threads : SourceWorkers;
  if (DatabaseCap)
    return Workers ? std::min(*Workers, *DatabaseCap) : *DatabaseCap;
  return Workers;
}

std::vector<SessionOutsidePool> sessionsOutsidePools(const RunResult &Result) {
  std::vector<SessionOutsidePool> Found;
  for (const Diagnostic &Diag : Result.Diagnostics)
    if (Diag.kind() == DiagnosticKind::Finding &&
        (Diag.Check == "session-member-storage" ||
         Diag.Check == "session-static-storage" ||
         Diag.Check == "session-unscoped-acquire"))
      Found.push_back({Diag.Main.File, Diag.Main.Line, Diag.Check,
                       Diag.Main.Text});
  llvm::sort(Found, [](const SessionOutsidePool &A,
                       const SessionOutsidePool &B) {
    return std::tie(A.File, A.Line, A.Check) <
           std::tie(B.File, B.Line, B.Check);
  });
  return Found;
}

int64_t Budget::processes() const {
  int64_t Sum = 0;
  for (const BudgetRow &Row : Rows)
    Sum += Row.Processes;
  return Sum;
}

int64_t Budget::total() const {
  int64_t Sum = 0;
  for (const BudgetRow &Row : Rows)
    Sum += Row.total();
  return Sum;
}

int64_t Budget::totalNow() const {
  int64_t Sum = 0;
  for (const BudgetRow &Row : Rows)
    Sum += Row.ProcessesNow.value_or(Row.Processes) * Row.PerProcess;
  return Sum;
}

bool Budget::autoscales() const {
  return llvm::any_of(Rows, [](const BudgetRow &Row) {
    return Row.ProcessesNow.has_value();
  });
}

int64_t Budget::serverConnections() const {
  return Pool ? Pool->serverConnections() : total();
}

static Budget::Verdict unlessUnknown(const Budget &B, bool Over) {
  if (Over)
    return Budget::Verdict::Over;
  return B.UnknownCapacity.empty() && B.OutsidePools.empty()
             ? Budget::Verdict::Fits
             : Budget::Verdict::Unproven;
}

Budget::Verdict Budget::clientVerdict() const {
  if (!Pool)
    return serverVerdict();
  // In session mode every pooled client connection keeps a server
  // connection: the ones beyond the server pools wait and time out.
  bool Over = total() > Pool->clientCapacity() ||
              (!Pool->lendsPerTransaction() &&
               total() > Pool->serverConnections());
  return unlessUnknown(*this, Over);
}

Budget::Verdict Budget::serverVerdict() const {
  // The pooler's side does not depend on the pools' capacities; a session
  // opened outside the pools may bypass the pooler too.
  if (Pool)
    return serverConnections() > available() ? Verdict::Over
           : OutsidePools.empty()            ? Verdict::Fits
                                             : Verdict::Unproven;
  return unlessUnknown(*this, total() > available());
}

Budget::Verdict Budget::verdict() const {
  Verdict Client = clientVerdict(), Server = serverVerdict();
  if (Client == Verdict::Over || Server == Verdict::Over)
    return Verdict::Over;
  if (Client == Verdict::Unproven || Server == Verdict::Unproven)
    return Verdict::Unproven;
  return Verdict::Fits;
}

std::string Budget::unprovenBecause() const {
  std::vector<std::string> Reasons;
  if (!UnknownCapacity.empty())
    Reasons.push_back(std::to_string(UnknownCapacity.size()) +
                      " pool(s) have an unknown capacity");
  if (!OutsidePools.empty())
    Reasons.push_back(std::to_string(OutsidePools.size()) +
                      " session(s) are opened outside any pool");
  return llvm::join(Reasons, " and ");
}

llvm::StringRef verdictName(Budget::Verdict V) {
  switch (V) {
  case Budget::Verdict::Fits:
    return "fits";
  case Budget::Verdict::Over:
    return "over";
  case Budget::Verdict::Unproven:
    return "unproven";
  }
  return "";
}

llvm::Expected<Budget>
computeBudget(const Deployment &D, llvm::ArrayRef<std::string> Analyzed,
              llvm::ArrayRef<PoolFinding> Pools,
              llvm::ArrayRef<WorkerFinding> Workers,
              llvm::ArrayRef<SessionOutsidePool> OutsidePools) {
  // Capacities supplied in the deployment file, by "path:line".
  std::map<std::string, int64_t> Supplied;
  for (const PoolCapacity &Pool : D.Pools) {
    auto [File, Line] = llvm::StringRef(Pool.At).rsplit(':');
    std::string Key = absoluteFrom(D.BaseDir, File) + ":" + Line.str();
    if (llvm::none_of(Pools, [&](const PoolFinding &Found) {
          return Found.File + ":" + std::to_string(Found.Line) == Key;
        }))
      return error("the deployment gives a capacity for a pool at '" +
                   Pool.At + "', but no pool is constructed there");
    Supplied[Key] = Pool.Capacity;
  }

  Budget B;
  B.MaxConnections = D.MaxConnections;
  B.MaxConnectionsFrom = D.MaxConnectionsFrom;
  B.MaxConnectionsAt = D.MaxConnectionsAt;
  B.DeploymentFile = D.File;
  B.Reserved = D.Reserved;
  B.Pool = D.Pool;
  B.Notes = D.Notes;
  B.OutsidePools.assign(OutsidePools.begin(), OutsidePools.end());
  for (const ProcessKind &Kind : D.Processes) {
    std::vector<std::string> Members;
    for (const std::string &Glob : Kind.Sources) {
      auto Pattern = PathGlob::create(absoluteFrom(D.BaseDir, Glob));
      if (!Pattern)
        return error("process kind '" + Kind.Name + "': invalid glob '" +
                     Glob + "': " + llvm::toString(Pattern.takeError()));
      size_t Before = Members.size();
      for (const std::string &File : Analyzed)
        if (Pattern->match(File))
          Members.push_back(File);
      if (Members.size() == Before)
        return error("process kind '" + Kind.Name + "': the glob '" + Glob +
                     "' matches none of the analyzed files");
    }
    for (const std::string &File : Kind.Files) {
      std::string Path = absoluteFrom(D.BaseDir, File);
      if (!llvm::is_contained(Analyzed, Path))
        return error("process kind '" + Kind.Name + "': '" + File +
                     "' is not among the analyzed files");
      Members.push_back(Path);
    }
    BudgetRow Row;
    Row.Name = Kind.Name;
    Row.Processes = Kind.WorstCount.value_or(Kind.Count);
    if (Kind.WorstCount)
      Row.ProcessesNow = Kind.Count;
    Row.CountedFrom = Kind.CountedFrom;
    Row.Threads = Kind.Threads;
    Row.At = Kind.At;
    if (Kind.Replicas) {
      Row.Replicas = Kind.WorstReplicas.value_or(*Kind.Replicas);
      if (Kind.WorstReplicas)
        Row.ReplicasNow = Kind.Replicas;
      Row.PerReplica = Kind.PerReplica;
    }
    for (const WorkerFinding &Found : Workers) {
      if (!llvm::is_contained(Members, Found.File))
        continue;
      std::string Where =
          relativeTo(D.BaseDir, Found.File) + ":" + std::to_string(Found.Line);
      std::optional<int64_t> &Sum =
          Found.CapsDatabaseWork ? Row.DatabaseCap : Row.SourceWorkers;
      Sum = Sum.value_or(0) + int64_t(Found.Count);
      (Found.CapsDatabaseWork ? Row.DatabaseCapAt : Row.SourceWorkersAt)
          .push_back(Where);
    }
    for (const PoolFinding &Pool : Pools) {
      if (!llvm::is_contained(Members, Pool.File))
        continue;
      auto Given = Supplied.find(Pool.File + ":" + std::to_string(Pool.Line));
      Row.Pools.push_back(Pool);
      if (Given != Supplied.end()) {
        Row.PerProcess += Given->second;
        Row.Pools.back().Capacity = Given->second;
      } else if (Pool.Capacity)
        Row.PerProcess += *Pool.Capacity;
      else if (llvm::none_of(B.UnknownCapacity, [&](const PoolFinding &P) {
                 return P.File == Pool.File && P.Line == Pool.Line;
               }))
        B.UnknownCapacity.push_back(Pool);
    }
    B.Rows.push_back(Row);
  }
  return B;
}

} // namespace session_lint
