//===--- Deployment.cpp - The connection budget of a deployment (R6) ------===//

#include "Deployment.h"
#include "InputFiles.h"
#include "PathGlob.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/YAMLTraits.h"
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
    Io.mapRequired("count", Kind.Count);
    Io.mapOptional("sources", Kind.Sources);
    Io.mapOptional("files", Kind.Files);
  }
  static std::string validate(IO &Io, ProcessKind &Kind) {
    if (alreadyFailed(Io)) // a missing key was said; its default proves nothing
      return "";
    if (Kind.Count < 0)
      return "process kind '" + Kind.Name + "' has a negative count";
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
    return "";
  }
};

template <> struct MappingTraits<Deployment> {
  static void mapping(IO &Io, Deployment &D) {
    Io.mapRequired("max_connections", D.MaxConnections);
    Io.mapOptional("reserved", D.Reserved, int64_t(0));
    Io.mapRequired("processes", D.Processes);
    Io.mapOptional("pools", D.Pools);
  }
  static std::string validate(IO &Io, Deployment &D) {
    if (alreadyFailed(Io))
      return "";
    for (size_t I = 0; I < D.Processes.size(); ++I)
      for (size_t J = 0; J < I; ++J)
        if (D.Processes[I].Name == D.Processes[J].Name)
          return "two process kinds are named '" + D.Processes[I].Name + "'";
    if (D.MaxConnections <= 0)
      return "max_connections must be positive";
    if (D.Reserved < 0 || D.Reserved >= D.MaxConnections)
      return "reserved must be between 0 and max_connections - 1";
    if (D.Processes.empty())
      return "no process kinds";
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

} // namespace

llvm::Expected<Deployment> parseDeployment(llvm::StringRef Text,
                                           llvm::StringRef Name,
                                           llvm::StringRef BaseDir) {
  if (llvm::Error E = checkNesting(Text, /*Yaml=*/true))
    return error("invalid deployment file '" + Name + "': " +
                 llvm::toString(std::move(E)));
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
  return D;
}

llvm::Expected<Deployment> readDeployment(llvm::StringRef Path) {
  auto Buffer = readRegularFile(Path, ConfigSizeLimit);
  if (!Buffer)
    return error("cannot read deployment file '" + Path +
                 "': " + llvm::toString(Buffer.takeError()));
  llvm::SmallString<256> Base(Path);
  llvm::sys::fs::make_absolute(Base);
  llvm::sys::path::remove_filename(Base);
  return parseDeployment((*Buffer)->getBuffer(), Path, Base);
}

std::vector<PoolFinding> poolsIn(const RunResult &Result) {
  static const llvm::Regex Capacity("holds up to ([0-9]+) connections");
  std::vector<PoolFinding> Pools;
  for (const Diagnostic &Diag : Result.Diagnostics) {
    if (Diag.Check != "session-pool-budget" ||
        Diag.kind() != DiagnosticKind::Remark)
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

int64_t Budget::processes() const {
  int64_t Sum = 0;
  for (const BudgetRow &Row : Rows)
    Sum += Row.Processes;
  return Sum;
}

int64_t Budget::total() const {
  int64_t Sum = 0;
  for (const BudgetRow &Row : Rows)
    Sum += Row.Processes * Row.PerProcess;
  return Sum;
}

Budget::Verdict Budget::verdict() const {
  if (total() > available())
    return Verdict::Over;
  return UnknownCapacity.empty() ? Verdict::Fits : Verdict::Unproven;
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

llvm::Expected<Budget> computeBudget(const Deployment &D,
                                     llvm::ArrayRef<std::string> Analyzed,
                                     llvm::ArrayRef<PoolFinding> Pools) {
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
  B.Reserved = D.Reserved;
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
    BudgetRow Row{Kind.Name, Kind.Count};
    for (const PoolFinding &Pool : Pools) {
      if (!llvm::is_contained(Members, Pool.File))
        continue;
      auto Given = Supplied.find(Pool.File + ":" + std::to_string(Pool.Line));
      if (Given != Supplied.end())
        Row.PerProcess += Given->second;
      else if (Pool.Capacity)
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

void printBudget(const Budget &B, llvm::raw_ostream &OS) {
  OS << "\nConnection budget: max_connections " << B.MaxConnections
     << ", reserved " << B.Reserved << ", available " << B.available()
     << "\n\n";
  OS << llvm::formatv("{0,-24} {1,9} {2,24} {3,7}\n", "component", "processes",
                      "connections per process", "total");
  for (const BudgetRow &R : B.Rows)
    OS << llvm::formatv("{0,-24} {1,9} {2,24} {3,7}\n", R.Name, R.Processes,
                        R.PerProcess, R.Processes * R.PerProcess);
  OS << llvm::formatv("{0,-24} {1,9} {2,24} {3,7}\n\n", "total",
                      B.processes(), "", B.total());
  for (const PoolFinding &Pool : B.UnknownCapacity)
    OS << "unknown capacity: " << Pool.File << ":" << Pool.Line
       << ": give it in the deployment file as\n  pools:\n    - at: "
       << Pool.File << ":" << Pool.Line << "\n      capacity: N\n";
  switch (B.verdict()) {
  case Budget::Verdict::Over:
    OS << "verdict: OVER BUDGET: " << B.total() << " connections > "
       << B.available() << " available (max_connections " << B.MaxConnections
       << " - reserved " << B.Reserved << "); the server will refuse clients "
       << "with 'too many clients already'\n";
    return;
  case Budget::Verdict::Unproven:
    OS << "verdict: UNPROVEN: " << B.total() << " of " << B.available()
       << " available, but " << B.UnknownCapacity.size()
       << " pool(s) have an unknown capacity\n";
    return;
  case Budget::Verdict::Fits:
    OS << "verdict: fits: " << B.total() << " of " << B.available()
       << " available connections, " << B.available() - B.total()
       << " to spare\n";
    return;
  }
}

} // namespace session_lint
