//===--- ResultCache.h - Worker results kept for re-runs (--cache-dir) ----===//
//
// A CI job re-runs session-lint over a tree that changed in a few files. The
// cache keeps each unit's worker result, the JSON document the worker wrote,
// byte for byte, so whatever a worker reports (findings, pool remarks, facts
// for other units) is replayed as it was, and the unit is not parsed again.
//
// An entry is found by a key: the tool's version (the binary's own hash:
// never trusted across builds), the unit's command after the safety policy
// (CompileCommands.h), and the effective configuration of its file (what
// .clang-tidy files, --config and the other options made of it). It is used
// only when every file the unit read, as the worker's preprocessor reported
// them, still has the content the worker parsed: a changed header makes a
// miss of exactly the units that included it. The worker hashes the text it
// parsed, not the file on disk after the parse, so an edit during the run
// cannot be cached as if it had been analyzed.
//
// Like ccache's direct mode, what is not read is not known: a new header
// that would now shadow one the unit found further down the include path is
// not noticed. Results of units that failed are never stored.
//
// Entries are written to a temporary file and renamed, so concurrent runs
// sharing a folder see whole entries or none. After a run the least recently
// used entries are removed until the folder is within its size limit.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_RESULTCACHE_H
#define SESSION_LINT_TOOL_RESULTCACHE_H

#include "Units.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace session_lint {

/// A file a unit read, and the hash of the text it was parsed from.
struct InputFile {
  std::string Path; // absolute
  std::string Hash;
};

/// The hash InputFile records for \p Text.
std::string inputHash(llvm::StringRef Text);

/// The worker's list of the files it read, as JSON, and reading it back.
std::string writeInputs(const std::vector<InputFile> &Inputs);
llvm::Expected<std::vector<InputFile>> readInputs(llvm::StringRef Text);

/// The version a cache entry must have been written by: session-lint's and
/// LLVM's versions and the hash of the running binary. For tests only, the
/// environment variable SESSION_LINT_TEST_CACHE_VERSION replaces it.
std::string cacheVersion(const char *Argv0);

class ResultCache {
public:
  /// What the effective configuration of a unit is, as text.
  using ConfigurationOf = std::function<std::string(const Unit &)>;

  /// Opens (creating it if needed) the cache in \p Dir.
  static llvm::Expected<std::unique_ptr<ResultCache>>
  open(llvm::StringRef Dir, std::string Version, uint64_t MaxBytes,
       ConfigurationOf Configuration);

  /// The stored worker result of \p U, when every file it read is unchanged.
  std::optional<std::string> lookup(const Unit &U);

  /// Stores \p WorkerResult for \p U, which read \p Inputs. A failure to
  /// write is not an error of the run: the unit is analyzed next time.
  void store(const Unit &U, const std::vector<InputFile> &Inputs,
             llvm::StringRef WorkerResult);

  /// Removes least recently used entries until the folder holds at most
  /// the size limit.
  void trim();

  unsigned hits() const { return Hits; }
  unsigned lookups() const { return Lookups; }
  llvm::StringRef dir() const { return Dir; }

private:
  ResultCache(std::string Dir, std::string Version, uint64_t MaxBytes,
              ConfigurationOf Configuration)
      : Dir(std::move(Dir)), Version(std::move(Version)), MaxBytes(MaxBytes),
        Configuration(std::move(Configuration)) {}

  std::string keyOf(const Unit &U);
  std::string entryPath(llvm::StringRef Key) const;
  /// The hash of \p Path's content now, once per run.
  const std::string &currentHash(llvm::StringRef Path);

  std::string Dir, Version;
  uint64_t MaxBytes;
  ConfigurationOf Configuration;
  llvm::StringMap<std::string> HashOfFile;
  unsigned Hits = 0, Lookups = 0;
};

} // namespace session_lint

#endif
