//===--- Baseline.cpp - Accepting the findings a codebase already has -----===//

#include "Baseline.h"
#include "InputFiles.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"
#include <map>

namespace session_lint {
namespace json = llvm::json;

namespace {

const int BaselineVersion = 1;

std::string withoutWhitespace(llvm::StringRef Line) {
  std::string Out;
  for (char C : Line)
    if (!llvm::isSpace(C))
      Out += C;
  return Out;
}

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Message.str());
}

} // namespace

void assignFingerprints(RunResult &Result, llvm::StringRef SourceRoot) {
  std::map<std::string, unsigned> Seen;
  for (Diagnostic &D : Result.Diagnostics) {
    std::string Key = D.Check + '\0' + relativeTo(SourceRoot, D.Main.File) +
                      '\0' + D.Enclosing + '\0' +
                      withoutWhitespace(lineText(D.Main.File, D.Main.Line));
    Key += '\0' + std::to_string(Seen[Key]++);
    D.Fingerprint = llvm::utohexstr(llvm::xxh3_64bits(Key), /*LowerCase=*/true,
                                    /*Width=*/16);
  }
}

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text) {
  llvm::SmallString<256> Temp;
  int FD;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", FD, Temp))
    return error("cannot write '" + Path + "': " + EC.message());
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return error("cannot write '" + Path + "': " + EC.message());
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    return error("cannot write '" + Path + "': " + EC.message());
  }
  return llvm::Error::success();
}

llvm::Error writeBaseline(const RunResult &Result, llvm::StringRef SourceRoot,
                          llvm::StringRef Path) {
  std::vector<BaselineEntry> Entries;
  for (const Diagnostic &D : Result.Diagnostics)
    if (D.kind() == DiagnosticKind::Finding)
      Entries.push_back({D.Check, relativeTo(SourceRoot, D.Main.File),
                         D.Fingerprint, D.Main.Text});
  llvm::sort(Entries, [](const BaselineEntry &A, const BaselineEntry &B) {
    return std::tie(A.File, A.Check, A.Fingerprint) <
           std::tie(B.File, B.Check, B.Fingerprint);
  });
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("formatVersion", BaselineVersion);
    J.attributeArray("findings", [&] {
      for (const BaselineEntry &E : Entries)
        J.object([&] {
          J.attribute("check", E.Check);
          J.attribute("file", E.File);
          J.attribute("fingerprint", E.Fingerprint);
          J.attribute("message", E.Message);
        });
    });
  });
  OS << "\n";
  return writeFileAtomically(Path, Text);
}

llvm::Expected<std::vector<BaselineEntry>> readBaseline(llvm::StringRef Path) {
  auto Buffer = readRegularFile(Path, DataSizeLimit);
  if (!Buffer)
    return error("cannot read baseline '" + Path +
                 "': " + llvm::toString(Buffer.takeError()));
  return parseBaseline((*Buffer)->getBuffer(), Path);
}

llvm::Expected<std::vector<BaselineEntry>> parseBaseline(llvm::StringRef Text,
                                                         llvm::StringRef Path) {
  if (llvm::Error E = checkNesting(Text, /*Yaml=*/false))
    return error("invalid baseline '" + Path + "': " +
                 llvm::toString(std::move(E)));
  auto Document = json::parse(Text);
  if (!Document)
    return error("invalid baseline '" + Path +
                 "': " + llvm::toString(Document.takeError()));
  json::Path::Root Root("baseline");
  json::ObjectMapper O(*Document, Root);
  int64_t Version = 0;
  std::vector<BaselineEntry> Entries;
  const json::Array *Findings =
      Document->getAsObject() ? Document->getAsObject()->getArray("findings")
                              : nullptr;
  if (!O || !O.map("formatVersion", Version) || !Findings)
    return error("invalid baseline '" + Path +
                 "': expected {formatVersion, findings}");
  if (Version != BaselineVersion)
    return error("baseline '" + Path + "' has format version " +
                 llvm::Twine(Version) + "; this session-lint reads version " +
                 llvm::Twine(BaselineVersion));
  for (size_t I = 0; I < Findings->size(); ++I) {
    BaselineEntry E;
    json::ObjectMapper Entry((*Findings)[I], Root);
    if (!Entry || !Entry.map("check", E.Check) || !Entry.map("file", E.File) ||
        !Entry.map("fingerprint", E.Fingerprint) ||
        !Entry.mapOptional("message", E.Message))
      return error("invalid baseline '" + Path + "': finding " +
                   llvm::Twine(I + 1) + " needs check, file and fingerprint");
    Entries.push_back(std::move(E));
  }
  return Entries;
}

void applyBaseline(RunResult &Result, llvm::ArrayRef<BaselineEntry> Baseline,
                   llvm::StringRef SourceRoot) {
  std::vector<bool> Used(Baseline.size(), false);
  llvm::StringMap<llvm::SmallVector<size_t, 1>> ByFingerprint;
  for (size_t I = 0; I < Baseline.size(); ++I)
    ByFingerprint[Baseline[I].Fingerprint].push_back(I);
  auto Accepted = [&](const Diagnostic &D) {
    if (D.kind() != DiagnosticKind::Finding)
      return false;
    std::string File = relativeTo(SourceRoot, D.Main.File);
    for (size_t I : ByFingerprint.lookup(D.Fingerprint))
      if (!Used[I] && Baseline[I].Check == D.Check &&
          Baseline[I].File == File) {
        Used[I] = true;
        return true;
      }
    return false;
  };
  size_t Before = Result.Diagnostics.size();
  llvm::erase_if(Result.Diagnostics, Accepted);
  Result.BaselineMatched += Before - Result.Diagnostics.size();
  Result.BaselineApplied = true;
  Result.StaleBaseline.clear();
  for (size_t I = 0; I < Baseline.size(); ++I)
    if (!Used[I])
      Result.StaleBaseline.push_back(Baseline[I].Fingerprint);
  llvm::sort(Result.StaleBaseline);
}

} // namespace session_lint
