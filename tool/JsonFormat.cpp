//===--- JsonFormat.cpp - session-lint's JSON output, and reading it back -===//

#include "JsonFormat.h"
#include "deployment/BudgetText.h"
#include "InputFiles.h"
#include "llvm/Support/JSON.h"

namespace session_lint {
namespace json = llvm::json;

namespace {

const int FormatVersion = 1;

using clang::tidy::session::ClassJudgement;
using clang::tidy::session::RoleDependence;
using clang::tidy::session::RoleSense;

llvm::StringRef senseName(RoleSense Sense) {
  switch (Sense) {
  case RoleSense::Service:
    return "service";
  case RoleSense::Session:
    return "session";
  case RoleSense::Other:
    return "other";
  case RoleSense::Holds:
    return "holds";
  }
  return "other";
}

std::optional<RoleSense> senseNamed(llvm::StringRef Name) {
  if (Name == "service")
    return RoleSense::Service;
  if (Name == "session")
    return RoleSense::Session;
  if (Name == "other")
    return RoleSense::Other;
  if (Name == "holds")
    return RoleSense::Holds;
  return std::nullopt;
}

llvm::StringRef levelName(Severity Level) {
  switch (Level) {
  case Severity::Remark:
    return "remark";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "warning";
}

class Writer {
public:
  Writer(json::OStream &J, llvm::StringRef Root) : J(J), Root(Root) {}

  void message(const Message &M) {
    if (!M.File.empty()) {
      J.attribute("file", relativeTo(Root, M.File));
      J.attribute("line", M.Line);
      J.attribute("column", M.Column);
      J.attribute("offset", M.Offset);
    }
    J.attribute("message", M.Text);
    if (!M.Fix.empty())
      J.attributeArray("fix", [&] {
        for (const Edit &E : M.Fix)
          J.object([&] {
            J.attribute("file", relativeTo(Root, E.File));
            J.attribute("offset", E.Offset);
            J.attribute("length", E.Length);
            J.attribute("replacement", E.Text);
          });
      });
    if (!M.Ranges.empty())
      J.attributeArray("ranges", [&] {
        for (const ByteRange &R : M.Ranges)
          J.object([&] {
            J.attribute("file", relativeTo(Root, R.File));
            J.attribute("offset", R.Offset);
            J.attribute("length", R.Length);
          });
      });
  }

  void diagnostics(llvm::StringRef Key, const RunResult &Result,
                   llvm::ArrayRef<DiagnosticKind> Kinds) {
    J.attributeArray(Key, [&] {
      for (const Diagnostic &D : Result.Diagnostics) {
        if (!llvm::is_contained(Kinds, D.kind()))
          continue;
        J.object([&] {
          J.attribute("check", D.Check);
          J.attribute("level", levelName(D.Level));
          if (D.WarningAsError)
            J.attribute("warningAsError", true);
          message(D.Main);
          J.attributeArray("notes", [&] {
            for (const Message &Note : D.Notes)
              J.object([&] { message(Note); });
          });
          if (!D.Enclosing.empty())
            J.attribute("enclosing", D.Enclosing);
          if (!D.Fingerprint.empty())
            J.attribute("fingerprint", D.Fingerprint);
          if (D.HeldBack)
            J.attribute("heldBack", true);
          if (!D.DependsOn.empty())
            J.attributeArray("dependsOn", [&] {
              for (const RoleDependence &Dependence : D.DependsOn)
                J.object([&] {
                  J.attribute("class", Dependence.Class);
                  J.attribute("bodiesSeen", Dependence.BodiesSeen);
                  J.attribute("needs", senseName(Dependence.Needs));
                });
            });
        });
      }
    });
  }

private:
  json::OStream &J;
  llvm::StringRef Root;
};

/// Reads the JSON back, with errors that say where.
class Reader {
public:
  explicit Reader(llvm::StringRef Root) : Root(Root) {}

  llvm::Expected<RunResult> read(const json::Value &Document) {
    RunResult Result;
    json::Path P(PathRoot);
    const json::Object *Top = Document.getAsObject();
    if (!Top)
      return fail(P, "expected an object");
    std::optional<int64_t> Version = Top->getInteger("formatVersion");
    if (!Version || *Version != FormatVersion)
      return fail(P.field("formatVersion"),
                  "expected the format version of this session-lint");
    for (llvm::StringLiteral Key :
         {llvm::StringLiteral("findings"), llvm::StringLiteral("remarks"),
          llvm::StringLiteral("compilerDiagnostics")})
      if (const json::Array *List = Top->getArray(Key))
        for (size_t I = 0; I < List->size(); ++I)
          if (!diagnostic((*List)[I], P.field(Key).index(I), Result))
            return PathRoot.getError();
    if (const json::Array *Units = Top->getArray("units"))
      for (const json::Value &Unit : *Units)
        if (std::optional<llvm::StringRef> File = Unit.getAsString())
          Result.Units.push_back(absoluteFrom(Root, *File));
    if (const json::Array *Failures = Top->getArray("failures"))
      for (const json::Value &Failure : *Failures) {
        const json::Object *Object = Failure.getAsObject();
        if (!Object || !Object->getString("file"))
          return fail(P.field("failures"), "expected {file, reason}");
        Result.Failures.push_back(
            {absoluteFrom(Root, *Object->getString("file")),
             Object->getString("reason").value_or("").str()});
      }
    if (const json::Array *Judgements = Top->getArray("classJudgements"))
      for (size_t I = 0; I < Judgements->size(); ++I)
        if (!judgement((*Judgements)[I],
                       P.field("classJudgements").index(I), Result))
          return PathRoot.getError();
    if (const json::Array *LeftOut = Top->getArray("leftOutByHeaderFilter"))
      for (const json::Value &Entry : *LeftOut) {
        const json::Object *Object = Entry.getAsObject();
        if (!Object || !Object->getString("file") ||
            !Object->getInteger("offset") || !Object->getString("check"))
          return fail(P.field("leftOutByHeaderFilter"),
                      "expected {file, offset, check}");
        Result.LeftOutByHeaderFilter.push_back(
            {absoluteFrom(Root, *Object->getString("file")),
             unsigned(*Object->getInteger("offset")),
             Object->getString("check")->str()});
      }
    if (const json::Object *Suppressed = Top->getObject("suppressed")) {
      auto Count = [&](llvm::StringRef Key) {
        return unsigned(Suppressed->getInteger(Key).value_or(0));
      };
      Result.Suppressed = {Count("nolint"), Count("nonUserCode"),
                           Count("checkFilter"), Count("lineFilter")};
    }
    if (const json::Object *Baseline = Top->getObject("baseline")) {
      Result.BaselineApplied = true;
      Result.BaselineMatched = Baseline->getInteger("matched").value_or(0);
      if (const json::Array *Stale = Baseline->getArray("stale"))
        for (const json::Value &Entry : *Stale)
          if (std::optional<llvm::StringRef> Text = Entry.getAsString())
            Result.StaleBaseline.push_back(Text->str());
    }
    if (const json::Array *Targets = Top->getArray("fixTargets"))
      for (const json::Value &Target : *Targets) {
        const json::Object *Object = Target.getAsObject();
        if (!Object || !Object->getString("file") || !Object->getString("hash"))
          return fail(P.field("fixTargets"), "expected {file, hash}");
        Result.FixTargets[absoluteFrom(Root, *Object->getString("file"))] =
            Object->getString("hash")->str();
      }
    if (const json::Object *Diff = Top->getObject("diff")) {
      Result.DiffApplied = true;
      Result.OutsideDiff = Diff->getInteger("outside").value_or(0);
    }
    normalize(Result);
    return Result;
  }

private:
  llvm::Error fail(json::Path P, llvm::StringLiteral Why) {
    P.report(Why);
    return PathRoot.getError();
  }

  bool message(const json::Value &V, json::Path P, Message &M) {
    json::ObjectMapper O(V, P);
    std::optional<std::string> File;
    int64_t Line = 0, Column = 0, Offset = 0;
    if (!O || !O.map("message", M.Text) || !O.mapOptional("file", File) ||
        !O.mapOptional("line", Line) || !O.mapOptional("column", Column) ||
        !O.mapOptional("offset", Offset))
      return false;
    M.Line = Line;
    M.Column = Column;
    M.Offset = Offset;
    if (File)
      M.File = absoluteFrom(Root, *File);
    const json::Object *Object = V.getAsObject();
    if (const json::Array *Fix = Object->getArray("fix"))
      for (size_t I = 0; I < Fix->size(); ++I) {
        json::ObjectMapper E((*Fix)[I], P.field("fix").index(I));
        Edit Out;
        std::string EditFile;
        int64_t EditOffset = 0, Length = 0;
        if (!E || !E.map("file", EditFile) || !E.map("offset", EditOffset) ||
            !E.map("length", Length) || !E.map("replacement", Out.Text))
          return false;
        Out.File = absoluteFrom(Root, EditFile);
        Out.Offset = EditOffset;
        Out.Length = Length;
        M.Fix.push_back(std::move(Out));
      }
    if (const json::Array *Ranges = Object->getArray("ranges"))
      for (size_t I = 0; I < Ranges->size(); ++I) {
        json::ObjectMapper R((*Ranges)[I], P.field("ranges").index(I));
        ByteRange Out;
        std::string RangeFile;
        int64_t RangeOffset = 0, Length = 0;
        if (!R || !R.map("file", RangeFile) || !R.map("offset", RangeOffset) ||
            !R.map("length", Length))
          return false;
        Out.File = absoluteFrom(Root, RangeFile);
        Out.Offset = RangeOffset;
        Out.Length = Length;
        M.Ranges.push_back(std::move(Out));
      }
    return true;
  }

  bool judgement(const json::Value &V, json::Path P, RunResult &Result) {
    ClassJudgement Judgement;
    json::ObjectMapper O(V, P);
    std::string Role;
    std::optional<std::string> Why, WhyFile;
    std::optional<int64_t> WhyOffset;
    int64_t BodiesSeen = 0;
    if (!O || !O.map("class", Judgement.Class) || !O.map("role", Role) ||
        !O.map("bodiesSeen", BodiesSeen) ||
        !O.map("final", Judgement.Final) || !O.mapOptional("why", Why) ||
        !O.mapOptional("whyFile", WhyFile) ||
        !O.mapOptional("whyOffset", WhyOffset))
      return false;
    std::optional<RoleSense> Sense = senseNamed(Role);
    if (!Sense) {
      P.field("role").report("expected service, session or other");
      return false;
    }
    Judgement.Sense = *Sense;
    Judgement.BodiesSeen = unsigned(BodiesSeen);
    Judgement.Why = Why.value_or("");
    if (WhyFile)
      Judgement.WhyFile = absoluteFrom(Root, *WhyFile);
    Judgement.WhyOffset = unsigned(WhyOffset.value_or(0));
    Result.Judgements.push_back(std::move(Judgement));
    return true;
  }

  bool diagnostic(const json::Value &V, json::Path P, RunResult &Result) {
    Diagnostic D;
    json::ObjectMapper O(V, P);
    std::string Level;
    std::optional<bool> WarningAsError;
    std::optional<std::string> Enclosing, Fingerprint;
    if (!O || !O.map("check", D.Check) || !O.map("level", Level) ||
        !O.mapOptional("warningAsError", WarningAsError) ||
        !O.mapOptional("enclosing", Enclosing) ||
        !O.mapOptional("fingerprint", Fingerprint) ||
        !message(V, P, D.Main))
      return false;
    if (Level == "remark")
      D.Level = Severity::Remark;
    else if (Level == "warning")
      D.Level = Severity::Warning;
    else if (Level == "error")
      D.Level = Severity::Error;
    else {
      P.field("level").report("expected remark, warning or error");
      return false;
    }
    std::optional<bool> HeldBack;
    if (!O.mapOptional("heldBack", HeldBack))
      return false;
    D.HeldBack = HeldBack.value_or(false);
    if (const json::Array *Dependences =
            V.getAsObject()->getArray("dependsOn"))
      for (size_t I = 0; I < Dependences->size(); ++I) {
        json::ObjectMapper Entry((*Dependences)[I],
                                 P.field("dependsOn").index(I));
        RoleDependence Dependence;
        std::string Needs;
        int64_t BodiesSeen = 0;
        if (!Entry || !Entry.map("class", Dependence.Class) ||
            !Entry.map("bodiesSeen", BodiesSeen) ||
            !Entry.map("needs", Needs))
          return false;
        Dependence.BodiesSeen = unsigned(BodiesSeen);
        std::optional<RoleSense> Sense = senseNamed(Needs);
        if (!Sense) {
          P.field("dependsOn").index(I).field("needs").report(
              "expected service, session or other");
          return false;
        }
        Dependence.Needs = *Sense;
        D.DependsOn.push_back(std::move(Dependence));
      }
    D.WarningAsError = WarningAsError.value_or(false);
    D.Enclosing = Enclosing.value_or("");
    D.Fingerprint = Fingerprint.value_or("");
    if (const json::Array *Notes = V.getAsObject()->getArray("notes"))
      for (size_t I = 0; I < Notes->size(); ++I) {
        Message Note;
        if (!message((*Notes)[I], P.field("notes").index(I), Note))
          return false;
        D.Notes.push_back(std::move(Note));
      }
    Result.Diagnostics.push_back(std::move(D));
    return true;
  }

  llvm::StringRef Root;
  json::Path::Root PathRoot{"session-lint JSON"};
};

} // namespace

void writeJson(const RunResult &Result, llvm::StringRef SourceRoot,
               const Budget *Budget, llvm::raw_ostream &OS) {
  json::OStream J(OS, /*IndentSize=*/2);
  writeJsonDocument(J, Result, SourceRoot, Budget, /*WithFindings=*/true);
  OS << "\n";
}

void writeJsonDocument(json::OStream &J, const RunResult &Result,
                       llvm::StringRef SourceRoot, const Budget *Budget,
                       bool WithFindings) {
  Writer W(J, SourceRoot);
  J.object([&] {
    J.attribute("formatVersion", FormatVersion);
    J.attributeObject("tool", [&] {
      J.attribute("name", "session-lint");
      J.attribute("version", SESSION_LINT_VERSION);
    });
    J.attributeObject("summary", [&] {
      J.attribute("findings", Result.findingCount());
      J.attribute("remarks", Result.remarkCount());
      J.attribute("units", Result.Units.size());
      J.attribute("failedUnits", Result.Failures.size());
      J.attribute("leftOutByHeaderFilter",
                  Result.LeftOutByHeaderFilter.size());
    });
    if (WithFindings)
      W.diagnostics("findings", Result, {DiagnosticKind::Finding});
    W.diagnostics("remarks", Result, {DiagnosticKind::Remark});
    W.diagnostics("compilerDiagnostics", Result,
                  {DiagnosticKind::CompileError, DiagnosticKind::Compiler});
    J.attributeArray("units", [&] {
      for (const std::string &Unit : Result.Units)
        J.value(relativeTo(SourceRoot, Unit));
    });
    J.attributeArray("failures", [&] {
      for (const UnitFailure &F : Result.Failures)
        J.object([&] {
          J.attribute("file", relativeTo(SourceRoot, F.File));
          J.attribute("reason", F.Reason);
        });
    });
    J.attributeObject("suppressed", [&] {
      J.attribute("nolint", Result.Suppressed.NoLint);
      J.attribute("nonUserCode", Result.Suppressed.NonUserCode);
      J.attribute("checkFilter", Result.Suppressed.CheckFilter);
      J.attribute("lineFilter", Result.Suppressed.LineFilter);
    });
    if (!Result.LeftOutByHeaderFilter.empty())
      J.attributeArray("leftOutByHeaderFilter", [&] {
        for (const LeftOutFinding &F : Result.LeftOutByHeaderFilter)
          J.object([&] {
            J.attribute("file", relativeTo(SourceRoot, F.File));
            J.attribute("offset", F.Offset);
            J.attribute("check", F.Check);
          });
      });
    if (Result.BaselineApplied)
      J.attributeObject("baseline", [&] {
        J.attribute("matched", Result.BaselineMatched);
        J.attributeArray("stale", [&] {
          for (const std::string &Entry : Result.StaleBaseline)
            J.value(Entry);
        });
      });
    if (!Result.FixTargets.empty())
      J.attributeArray("fixTargets", [&] {
        for (const auto &[File, Hash] : Result.FixTargets)
          J.object([&] {
            J.attribute("file", relativeTo(SourceRoot, File));
            J.attribute("hash", Hash);
          });
      });
    if (!Result.Judgements.empty())
      J.attributeArray("classJudgements", [&] {
        for (const ClassJudgement &Judgement : Result.Judgements)
          J.object([&] {
            J.attribute("class", Judgement.Class);
            J.attribute("role", senseName(Judgement.Sense));
            J.attribute("bodiesSeen", Judgement.BodiesSeen);
            J.attribute("final", Judgement.Final);
            if (!Judgement.Why.empty()) {
              J.attribute("why", Judgement.Why);
              J.attribute("whyFile", relativeTo(SourceRoot, Judgement.WhyFile));
              J.attribute("whyOffset", Judgement.WhyOffset);
            }
          });
      });
    if (Result.DiffApplied)
      J.attributeObject("diff",
                        [&] { J.attribute("outside", Result.OutsideDiff); });
    if (Budget)
      J.attributeObject("budget", [&] {
        J.attribute("maxConnections", Budget->MaxConnections);
        J.attribute("reserved", Budget->Reserved);
        J.attribute("available", Budget->available());
        if (!Budget->MaxConnectionsFrom.empty())
          J.attribute("maxConnectionsFrom", Budget->MaxConnectionsFrom);
        J.attributeArray("components", [&] {
          for (const BudgetRow &Row : Budget->Rows)
            J.object([&] {
              J.attribute("name", Row.Name);
              if (Row.Replicas) {
                J.attribute("replicas", *Row.Replicas);
                if (Row.ReplicasNow)
                  J.attribute("replicasNow", *Row.ReplicasNow);
                J.attribute("processesPerReplica", Row.PerReplica);
              }
              J.attribute("processes", Row.Processes);
              if (Row.ProcessesNow)
                J.attribute("processesNow", *Row.ProcessesNow);
              J.attribute("connectionsPerProcess", Row.PerProcess);
              J.attribute("total", Row.total());
              if (!Row.CountedFrom.empty())
                J.attribute("countedFrom", Row.CountedFrom);
              if (Row.Threads)
                J.attribute("threads", *Row.Threads);
              if (std::string Said = concurrencyVerdict(Row); !Said.empty())
                J.attribute("concurrency", Said);
              auto Places = [&](llvm::StringRef Key,
                                const std::vector<std::string> &At) {
                J.attributeArray(Key, [&] {
                  for (const std::string &Place : At)
                    J.value(Place);
                });
              };
              if (Row.SourceWorkers) {
                J.attribute("sourceWorkers", *Row.SourceWorkers);
                Places("sourceWorkersAt", Row.SourceWorkersAt);
              }
              if (Row.DatabaseCap) {
                J.attribute("databaseCap", *Row.DatabaseCap);
                Places("databaseCapAt", Row.DatabaseCapAt);
              }
              if (std::optional<int64_t> Workers = Row.workers())
                J.attribute("workers", *Workers);
            });
        });
        if (Budget->autoscales())
          J.attribute("totalNow", Budget->totalNow());
        if (const Pooler *P = Budget->Pool ? &*Budget->Pool : nullptr)
          J.attributeObject("pooler", [&] {
            J.attribute("kind", "pgbouncer");
            J.attribute("from", P->From);
            J.attribute("poolMode", P->Mode);
            J.attribute("instances", P->Instances);
            J.attributeObject("clientSide", [&] {
              J.attribute("connections", Budget->total());
              J.attribute("maxClientConn", P->clientCapacity());
              J.attribute("verdict", verdictName(Budget->clientVerdict()));
              J.attribute("text", clientSide(*Budget));
            });
            J.attributeObject("serverSide", [&] {
              J.attribute("connections", P->serverConnections());
              J.attribute("available", Budget->available());
              J.attribute("verdict", verdictName(Budget->serverVerdict()));
              J.attribute("text", serverSide(*Budget));
            });
          });
        if (!Budget->Notes.empty())
          J.attributeArray("notes", [&] {
            for (const std::string &Note : Budget->Notes)
              J.value(Note);
          });
        J.attributeArray("unknownCapacity", [&] {
          for (const PoolFinding &Pool : Budget->UnknownCapacity)
            J.value(relativeTo(SourceRoot, Pool.File) + ":" +
                    std::to_string(Pool.Line));
        });
        J.attributeArray("outsidePools", [&] {
          for (const SessionOutsidePool &S : Budget->OutsidePools)
            J.object([&] {
              J.attribute("location", relativeTo(SourceRoot, S.File) + ":" +
                                          std::to_string(S.Line));
              J.attribute("check", S.Check);
              J.attribute("message", S.Text);
            });
        });
        J.attribute("total", Budget->total());
        J.attribute("verdict", verdictName(Budget->verdict()));
        J.attribute("verdictText", verdictSentence(*Budget));
      });
  });
}

llvm::Expected<RunResult> readJson(llvm::StringRef Text,
                                   llvm::StringRef SourceRoot) {
  if (llvm::Error E = checkNesting(Text, /*Yaml=*/false))
    return E;
  llvm::Expected<json::Value> Document = json::parse(Text);
  if (!Document)
    return Document.takeError();
  return readJsonDocument(*Document, SourceRoot);
}

llvm::Expected<RunResult> readJsonDocument(const json::Value &Document,
                                           llvm::StringRef SourceRoot) {
  return Reader(SourceRoot).read(Document);
}

} // namespace session_lint
