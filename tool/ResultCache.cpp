//===--- ResultCache.cpp - Worker results kept for re-runs (--cache-dir) --===//

#include "ResultCache.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <chrono>
#include <sys/time.h>

namespace session_lint {
namespace {

/// Bumped when the entry's layout changes.
const int EntryFormat = 1;

std::string hex128(llvm::StringRef Text) {
  llvm::XXH128_hash_t H = llvm::xxh3_128bits(llvm::arrayRefFromStringRef(Text));
  return llvm::utohexstr(H.high64, /*LowerCase=*/true, 16) +
         llvm::utohexstr(H.low64, /*LowerCase=*/true, 16);
}

/// Fields joined so that no two different lists give the same text.
void addField(std::string &Out, llvm::StringRef Field) {
  Out += std::to_string(Field.size());
  Out += ':';
  Out += Field;
}

} // namespace

std::string inputHash(llvm::StringRef Text) { return hex128(Text); }

std::string writeInputs(const std::vector<InputFile> &Inputs) {
  llvm::json::Array Array;
  for (const InputFile &I : Inputs)
    Array.push_back(llvm::json::Array{I.Path, I.Hash});
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::json::Value(std::move(Array));
  return Text;
}

llvm::Expected<std::vector<InputFile>> readInputs(llvm::StringRef Text) {
  llvm::Expected<llvm::json::Value> Value = llvm::json::parse(Text);
  if (!Value)
    return Value.takeError();
  std::vector<InputFile> Inputs;
  const llvm::json::Array *Array = Value->getAsArray();
  if (!Array)
    return llvm::createStringError("the list of inputs is not an array");
  for (const llvm::json::Value &Item : *Array) {
    const llvm::json::Array *Pair = Item.getAsArray();
    if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsString() ||
        !(*Pair)[1].getAsString())
      return llvm::createStringError("an input is not [path, hash]");
    Inputs.push_back({(*Pair)[0].getAsString()->str(),
                      (*Pair)[1].getAsString()->str()});
  }
  return Inputs;
}

std::string cacheVersion(const char *Argv0) {
  if (std::optional<std::string> Test =
          llvm::sys::Process::GetEnv("SESSION_LINT_TEST_CACHE_VERSION"))
    return *Test;
  std::string Version = "session-lint " SESSION_LINT_VERSION
                        ", LLVM " LLVM_VERSION_STRING ", binary ";
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  auto Binary = llvm::MemoryBuffer::getFile(Exe);
  // A binary that cannot be read gets a version no later run matches.
  Version += Binary ? hex128((*Binary)->getBuffer())
                    : "unknown-" + std::to_string(llvm::sys::Process::getProcessId()) + "-" +
                          std::to_string(std::chrono::steady_clock::now()
                                             .time_since_epoch()
                                             .count());
  return Version;
}

llvm::Expected<std::unique_ptr<ResultCache>>
ResultCache::open(llvm::StringRef Dir, std::string Version, uint64_t MaxBytes,
                  ConfigurationOf Configuration) {
  llvm::SmallString<256> Absolute(Dir);
  llvm::sys::fs::make_absolute(Absolute);
  if (std::error_code EC = llvm::sys::fs::create_directories(Absolute))
    return llvm::createStringError(EC, "cannot create the cache folder '" +
                                           Absolute + "': " + EC.message());
  return std::unique_ptr<ResultCache>(
      new ResultCache(std::string(Absolute), std::move(Version), MaxBytes,
                      std::move(Configuration)));
}

std::string ResultCache::keyOf(const Unit &U) {
  std::string Text;
  addField(Text, Version);
  addField(Text, U.Command.Directory);
  addField(Text, U.Command.Filename);
  Text += std::to_string(U.Command.CommandLine.size());
  for (const std::string &Arg : U.Command.CommandLine)
    addField(Text, Arg);
  addField(Text, Configuration(U));
  return hex128(Text);
}

std::string ResultCache::entryPath(llvm::StringRef Key) const {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Key.take_front(2), Key.str() + ".json");
  return std::string(Path);
}

const std::string &ResultCache::currentHash(llvm::StringRef Path) {
  auto [It, New] = HashOfFile.try_emplace(Path);
  if (New) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    It->second = Buffer ? inputHash((*Buffer)->getBuffer()) : "missing";
  }
  return It->second;
}

std::optional<std::string> ResultCache::lookup(const Unit &U) {
  ++Lookups;
  std::string Path = entryPath(keyOf(U));
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt;
  llvm::Expected<llvm::json::Value> Entry =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Entry) {
    llvm::consumeError(Entry.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *Object = Entry->getAsObject();
  if (!Object || Object->getInteger("format") != EntryFormat ||
      Object->getString("version") != llvm::StringRef(Version))
    return std::nullopt;
  const llvm::json::Array *Inputs = Object->getArray("inputs");
  std::optional<llvm::StringRef> Result = Object->getString("result");
  if (!Inputs || !Result)
    return std::nullopt;
  for (const llvm::json::Value &Item : *Inputs) {
    const llvm::json::Array *Pair = Item.getAsArray();
    if (!Pair || Pair->size() != 2)
      return std::nullopt;
    std::optional<llvm::StringRef> File = (*Pair)[0].getAsString();
    std::optional<llvm::StringRef> Hash = (*Pair)[1].getAsString();
    if (!File || !Hash || currentHash(*File) != *Hash)
      return std::nullopt;
  }
  // Used now: the last to be removed when the folder is trimmed.
  ::utimes(Path.c_str(), nullptr);
  ++Hits;
  return Result->str();
}

void ResultCache::store(const Unit &U, const std::vector<InputFile> &Inputs,
                        llvm::StringRef WorkerResult) {
  std::string Path = entryPath(keyOf(U));
  llvm::SmallString<256> Folder(Path);
  llvm::sys::path::remove_filename(Folder);
  if (llvm::sys::fs::create_directories(Folder))
    return;
  llvm::json::Array InputArray;
  for (const InputFile &I : Inputs)
    InputArray.push_back(llvm::json::Array{I.Path, I.Hash});
  llvm::json::Object Entry{{"format", EntryFormat},
                           {"version", Version},
                           {"file", U.File},
                           {"inputs", std::move(InputArray)},
                           {"result", WorkerResult}};
  llvm::SmallString<256> Temp;
  int FD;
  if (llvm::sys::fs::createUniqueFile(Path + ".%%%%%%%%.tmp", FD, Temp))
    return;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << llvm::json::Value(std::move(Entry));
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return;
    }
  }
  if (llvm::sys::fs::rename(Temp, Path))
    llvm::sys::fs::remove(Temp);
}

void ResultCache::trim() {
  struct Entry {
    std::string Path;
    uint64_t Size;
    llvm::sys::TimePoint<> Used;
  };
  std::vector<Entry> Entries;
  uint64_t Total = 0;
  auto Now = std::chrono::system_clock::now();
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
       It != End && !EC; It.increment(EC)) {
    llvm::ErrorOr<llvm::sys::fs::basic_file_status> Status = It->status();
    if (!Status || Status->type() != llvm::sys::fs::file_type::regular_file)
      continue;
    llvm::StringRef Name = It->path();
    // A temporary file a killed run left behind.
    if (Name.ends_with(".tmp")) {
      if (Now - Status->getLastModificationTime() > std::chrono::hours(1))
        llvm::sys::fs::remove(Name);
      continue;
    }
    if (!Name.ends_with(".json"))
      continue;
    Entries.push_back({Name.str(), Status->getSize(),
                       Status->getLastModificationTime()});
    Total += Status->getSize();
  }
  if (Total <= MaxBytes)
    return;
  llvm::sort(Entries, [](const Entry &A, const Entry &B) {
    return std::tie(A.Used, A.Path) < std::tie(B.Used, B.Path);
  });
  for (const Entry &E : Entries) {
    if (Total <= MaxBytes)
      break;
    if (!llvm::sys::fs::remove(E.Path))
      Total -= E.Size;
  }
}

} // namespace session_lint
