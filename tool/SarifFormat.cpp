//===--- SarifFormat.cpp - SARIF 2.1.0 output, and reading it back --------===//

#include "SarifFormat.h"
#include "InputFiles.h"
#include "JsonFormat.h"
#include "deployment/BudgetText.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include <map>

namespace session_lint {
namespace json = llvm::json;

namespace {

const RuleDoc Rules[] = {
#include "RuleDocs.inc"
};

const char FingerprintKey[] = "sessionLint/v1";
const char RootId[] = "%SRCROOT%";

/// Percent-encodes what a URI path may not contain.
std::string uriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/!$&'()*+,;=:@").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr(C, false, 2);
  }
  return Out;
}

std::string uriDecode(llvm::StringRef Uri) {
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Value;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        !Uri.substr(I + 1, 2).getAsInteger(16, Value)) {
      Out += char(Value);
      I += 2;
    } else {
      Out += Uri[I];
    }
  }
  return Out;
}

std::string rootUri(llvm::StringRef Root) {
  std::string Uri = "file://" + uriPath(Root);
  if (!llvm::StringRef(Uri).ends_with("/"))
    Uri += "/";
  return Uri;
}

class Writer {
public:
  Writer(json::OStream &J, llvm::StringRef Root) : J(J), Root(Root) {}

  void artifact(llvm::StringRef File) {
    J.attributeObject("artifactLocation", [&] {
      std::string Relative = relativeTo(Root, File);
      if (Relative != File) {
        J.attribute("uri", uriPath(Relative));
        J.attribute("uriBaseId", RootId);
      } else {
        J.attribute("uri", "file://" + uriPath(File));
      }
    });
  }

  void physical(const Message &M) {
    J.attributeObject("physicalLocation", [&] {
      artifact(M.File);
      J.attributeObject("region", [&] {
        J.attribute("startLine", std::max(1u, M.Line));
        J.attribute("startColumn", std::max(1u, M.Column));
        J.attribute("charOffset", M.Offset);
      });
    });
  }

  void result(const Diagnostic &D, int RuleIndex) {
    J.object([&] {
      J.attribute("ruleId", D.Check);
      if (RuleIndex >= 0)
        J.attribute("ruleIndex", RuleIndex);
      J.attribute("level", D.Level == Severity::Error ? "error" : "warning");
      J.attributeObject("message", [&] { J.attribute("text", D.Main.Text); });
      J.attributeArray("locations", [&] {
        J.object([&] { physical(D.Main); });
      });
      if (!D.Notes.empty())
        J.attributeArray("relatedLocations", [&] {
          for (size_t I = 0; I < D.Notes.size(); ++I) {
            if (D.Notes[I].File.empty())
              continue;
            J.object([&] {
              J.attribute("id", int64_t(I));
              physical(D.Notes[I]);
              J.attributeObject("message",
                                [&] { J.attribute("text", D.Notes[I].Text); });
            });
          }
        });
      if (!D.Main.Fix.empty())
        J.attributeArray("fixes", [&] { fix(D); });
      J.attributeObject("partialFingerprints",
                        [&] { J.attribute(FingerprintKey, D.Fingerprint); });
      J.attributeObject("properties", [&] {
        if (D.WarningAsError)
          J.attribute("warningAsError", true);
        if (!D.Enclosing.empty())
          J.attribute("enclosing", D.Enclosing);
        // Notes without a location have no related location to carry them.
        J.attributeArray("notes", [&] {
          for (const Message &Note : D.Notes)
            J.value(Note.File.empty() ? Note.Text : "");
        });
      });
    });
  }

  /// An over budget side as a result code scanning shows: at the line that
  /// sets the limit it exceeds, with each component's sum as a related
  /// location where its declaration is known.
  void budgetResult(const Budget &B, int RuleIndex, llvm::StringRef Side,
                    const std::string &Text, const FileLine &At) {
    J.object([&] {
      J.attribute("ruleId", "session-pool-budget");
      if (RuleIndex >= 0)
        J.attribute("ruleIndex", RuleIndex);
      J.attribute("level", "error");
      J.attributeObject("message", [&] { J.attribute("text", Text); });
      J.attributeArray("locations", [&] {
        J.object([&] { place(At); });
      });
      J.attributeArray("relatedLocations", [&] {
        int64_t Id = 0;
        for (const BudgetRow &Row : B.Rows) {
          if (Row.At.File.empty())
            continue;
          J.object([&] {
            J.attribute("id", Id++);
            place(Row.At);
            J.attributeObject("message",
                              [&] { J.attribute("text", componentSum(Row)); });
          });
        }
      });
      J.attributeObject("partialFingerprints", [&] {
        J.attribute(FingerprintKey, ("budget/" + Side).str());
      });
      J.attributeObject("properties", [&] {
        J.attribute("budget", Side);
        J.attribute("verdict", verdictSentence(B));
      });
    });
  }

private:
  void place(const FileLine &At) {
    J.attributeObject("physicalLocation", [&] {
      artifact(At.File);
      if (At.Line)
        J.attributeObject("region",
                          [&] { J.attribute("startLine", int64_t(At.Line)); });
    });
  }

  void fix(const Diagnostic &D) {
    std::map<std::string, std::vector<const Edit *>> ByFile;
    for (const Edit &E : D.Main.Fix)
      ByFile[E.File].push_back(&E);
    J.object([&] {
      J.attributeObject("description", [&] {
        J.attribute("text", "Apply the suggested fix of " + D.Check);
      });
      J.attributeArray("artifactChanges", [&] {
        for (const auto &[File, Edits] : ByFile)
          J.object([&] {
            artifact(File);
            J.attributeArray("replacements", [&] {
              for (const Edit *E : Edits)
                J.object([&] {
                  J.attributeObject("deletedRegion", [&] {
                    J.attribute("charOffset", E->Offset);
                    J.attribute("charLength", E->Length);
                  });
                  J.attributeObject("insertedContent",
                                    [&] { J.attribute("text", E->Text); });
                });
            });
          });
      });
    });
  }

  json::OStream &J;
  llvm::StringRef Root;
};

/// Reads results back into diagnostics.
class Reader {
public:
  explicit Reader(llvm::StringRef Root) : Root(Root) {}

  llvm::Error read(const json::Object &Run, RunResult &Result) {
    if (const json::Array *Results = Run.getArray("results"))
      for (const json::Value &Value : *Results) {
        const json::Object *R = Value.getAsObject();
        if (!R)
          return error("a result is not an object");
        // The budget's verdicts are computed again from the remarks.
        if (const json::Object *Properties = R->getObject("properties"))
          if (Properties->getString("budget"))
            continue;
        auto D = diagnostic(*R);
        if (!D)
          return D.takeError();
        Result.Diagnostics.push_back(std::move(*D));
      }
    return llvm::Error::success();
  }

private:
  static llvm::Error error(const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "invalid session-lint SARIF: " + Why);
  }

  std::string file(const json::Object *Artifact) {
    if (!Artifact)
      return "";
    llvm::StringRef Uri = Artifact->getString("uri").value_or("");
    if (Artifact->getString("uriBaseId"))
      return absoluteFrom(Root, uriDecode(Uri));
    Uri.consume_front("file://");
    return uriDecode(Uri);
  }

  Message message(const json::Object &Location, llvm::StringRef Text) {
    Message M;
    M.Text = Text.str();
    const json::Object *Physical = Location.getObject("physicalLocation");
    if (!Physical)
      return M;
    M.File = file(Physical->getObject("artifactLocation"));
    if (const json::Object *Region = Physical->getObject("region")) {
      M.Line = Region->getInteger("startLine").value_or(0);
      M.Column = Region->getInteger("startColumn").value_or(0);
      M.Offset = Region->getInteger("charOffset").value_or(0);
    }
    return M;
  }

  llvm::Expected<Diagnostic> diagnostic(const json::Object &R) {
    Diagnostic D;
    D.Check = R.getString("ruleId").value_or("").str();
    llvm::StringRef Level = R.getString("level").value_or("warning");
    D.Level = Level == "error" ? Severity::Error : Severity::Warning;
    const json::Object *Text = R.getObject("message");
    const json::Array *Locations = R.getArray("locations");
    if (D.Check.empty() || !Text || !Locations || Locations->empty() ||
        !(*Locations)[0].getAsObject())
      return error("a result needs ruleId, message and a location");
    D.Main = message(*(*Locations)[0].getAsObject(),
                     Text->getString("text").value_or(""));
    const json::Object *Properties = R.getObject("properties");
    const json::Array *NoteTexts =
        Properties ? Properties->getArray("notes") : nullptr;
    const json::Array *Related = R.getArray("relatedLocations");
    size_t Next = 0;
    for (size_t I = 0; NoteTexts && I < NoteTexts->size(); ++I) {
      llvm::StringRef Plain = (*NoteTexts)[I].getAsString().value_or("");
      if (!Plain.empty() || !Related || Next >= Related->size()) {
        D.Notes.push_back(Message{"", 0, 0, 0, Plain.str(), {}, {}});
        continue;
      }
      const json::Object *Location = (*Related)[Next++].getAsObject();
      const json::Object *NoteText =
          Location ? Location->getObject("message") : nullptr;
      if (!Location || !NoteText)
        return error("a related location needs a message");
      D.Notes.push_back(
          message(*Location, NoteText->getString("text").value_or("")));
    }
    if (const json::Array *Fixes = R.getArray("fixes"))
      for (const json::Value &Fix : *Fixes)
        if (const json::Object *F = Fix.getAsObject())
          if (const json::Array *Changes = F->getArray("artifactChanges"))
            for (const json::Value &Change : *Changes)
              addEdits(Change, D.Main.Fix);
    if (const json::Object *Fingerprints = R.getObject("partialFingerprints"))
      D.Fingerprint =
          Fingerprints->getString(FingerprintKey).value_or("").str();
    if (Properties) {
      D.WarningAsError = Properties->getBoolean("warningAsError").value_or(false);
      D.Enclosing = Properties->getString("enclosing").value_or("").str();
    }
    return D;
  }

  void addEdits(const json::Value &Change, std::vector<Edit> &Into) {
    const json::Object *C = Change.getAsObject();
    if (!C)
      return;
    std::string File = file(C->getObject("artifactLocation"));
    if (const json::Array *Replacements = C->getArray("replacements"))
      for (const json::Value &Value : *Replacements) {
        const json::Object *R = Value.getAsObject();
        const json::Object *Deleted = R ? R->getObject("deletedRegion") : nullptr;
        if (!Deleted)
          continue;
        const json::Object *Inserted = R->getObject("insertedContent");
        Into.push_back(
            {File, unsigned(Deleted->getInteger("charOffset").value_or(0)),
             unsigned(Deleted->getInteger("charLength").value_or(0)),
             Inserted ? Inserted->getString("text").value_or("").str() : ""});
      }
  }

  llvm::StringRef Root;
};

} // namespace

llvm::ArrayRef<RuleDoc> ruleDocs() { return Rules; }

std::string docsUrl(llvm::StringRef Check) {
  return (SESSION_LINT_DOCS_URL + Check + ".md").str();
}

void writeSarif(const RunResult &Result, llvm::StringRef SourceRoot,
                const Budget *Budget, llvm::raw_ostream &OS) {
  json::OStream J(OS, /*IndentSize=*/2);
  Writer W(J, SourceRoot);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attributeObject("tool", [&] {
          J.attributeObject("driver", [&] {
            J.attribute("name", "session-lint");
            J.attribute("version", SESSION_LINT_VERSION);
            J.attribute("semanticVersion", SESSION_LINT_VERSION);
            J.attribute("informationUri", SESSION_LINT_HOME_URL);
            J.attributeArray("rules", [&] {
              for (const RuleDoc &Rule : Rules)
                J.object([&] {
                  J.attribute("id", Rule.Id);
                  J.attributeObject("shortDescription", [&] {
                    J.attribute("text", Rule.ShortDescription);
                  });
                  J.attributeObject("fullDescription", [&] {
                    J.attribute("text", Rule.FullDescription);
                  });
                  J.attributeObject("help", [&] {
                    J.attribute("text", Rule.FullDescription +
                                            std::string(" See ") +
                                            docsUrl(Rule.Id));
                    J.attribute("markdown", Rule.Markdown);
                  });
                  J.attribute("helpUri", docsUrl(Rule.Id));
                  J.attributeObject("defaultConfiguration", [&] {
                    J.attribute("level", llvm::StringRef(Rule.Id) ==
                                                 "session-pool-budget"
                                             ? "note"
                                             : "warning");
                  });
                  J.attributeObject("properties", [&] {
                    J.attributeArray("tags", [&] {
                      J.value("database");
                      J.value("reliability");
                      J.value(Rule.Rule);
                    });
                  });
                });
            });
          });
        });
        J.attributeObject("originalUriBaseIds", [&] {
          J.attributeObject(RootId,
                            [&] { J.attribute("uri", rootUri(SourceRoot)); });
        });
        J.attributeArray("invocations", [&] {
          J.object([&] {
            J.attribute("executionSuccessful", Result.Failures.empty());
            J.attributeArray("toolExecutionNotifications", [&] {
              for (const UnitFailure &F : Result.Failures)
                J.object([&] {
                  J.attribute("level", "error");
                  J.attributeObject("message", [&] {
                    J.attribute("text", "cannot analyze " +
                                            relativeTo(SourceRoot, F.File) +
                                            ": " + F.Reason);
                  });
                  J.attributeArray("locations", [&] {
                    J.object([&] {
                      J.attributeObject("physicalLocation",
                                        [&] { W.artifact(F.File); });
                    });
                  });
                });
            });
          });
        });
        J.attributeArray("results", [&] {
          for (const Diagnostic &D : Result.Diagnostics) {
            if (D.kind() != DiagnosticKind::Finding)
              continue;
            const RuleDoc *Rule = llvm::find_if(
                Rules, [&](const RuleDoc &R) { return D.Check == R.Id; });
            W.result(D, Rule == std::end(Rules) ? -1 : Rule - Rules);
          }
          if (Budget) {
            const RuleDoc *Rule = llvm::find_if(Rules, [](const RuleDoc &R) {
              return llvm::StringRef(R.Id) == "session-pool-budget";
            });
            int Index = Rule == std::end(Rules) ? -1 : Rule - Rules;
            FileLine Limit = Budget->MaxConnectionsAt;
            if (Limit.File.empty())
              Limit = {Budget->DeploymentFile, 0};
            if (Budget->clientVerdict() == Budget::Verdict::Over &&
                Budget->Pool) {
              FileLine Clients{Budget->Pool->Path,
                               Budget->Pool->MaxClientConnLine};
              if (Clients.File.empty())
                Clients = {Budget->DeploymentFile, 0};
              W.budgetResult(*Budget, Index, "client",
                             "connection budget: " + clientSide(*Budget),
                             Clients);
            }
            if (Budget->serverVerdict() == Budget::Verdict::Over)
              W.budgetResult(*Budget, Index, "server",
                             Budget->Pool
                                 ? "connection budget: " + serverSide(*Budget)
                                 : "connection budget: " +
                                       verdictSentence(*Budget),
                             Limit);
          }
        });
        J.attributeObject("properties", [&] {
          J.attributeBegin("sessionLint");
          writeJsonDocument(J, Result, SourceRoot, Budget,
                            /*WithFindings=*/false);
          J.attributeEnd();
        });
      });
    });
  });
  OS << "\n";
}

llvm::Expected<RunResult> readSarif(llvm::StringRef Text,
                                    llvm::StringRef SourceRoot) {
  if (llvm::Error E = checkNesting(Text, /*Yaml=*/false))
    return E;
  auto Document = json::parse(Text);
  if (!Document)
    return Document.takeError();
  const json::Object *Top = Document->getAsObject();
  const json::Array *Runs = Top ? Top->getArray("runs") : nullptr;
  const json::Object *Run =
      Runs && Runs->size() == 1 ? (*Runs)[0].getAsObject() : nullptr;
  const json::Object *Properties = Run ? Run->getObject("properties") : nullptr;
  const json::Value *Own =
      Properties ? Properties->get("sessionLint") : nullptr;
  if (!Own)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "not a SARIF file written by session-lint (one run with the "
        "sessionLint property bag)");
  auto Result = readJsonDocument(*Own, SourceRoot);
  if (!Result)
    return Result.takeError();
  if (llvm::Error E = Reader(SourceRoot).read(*Run, *Result))
    return E;
  normalize(*Result);
  return Result;
}

} // namespace session_lint
