//===--- BuildPathDiscovery.cpp - Finding compile_commands.json -----------===//

#include "BuildPathDiscovery.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace session_lint {

std::optional<std::string> findBuildPath(llvm::StringRef Start) {
  llvm::SmallString<256> Dir(Start);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  for (llvm::StringRef Current = Dir; !Current.empty();
       Current = llvm::sys::path::parent_path(Current)) {
    for (llvm::StringRef Sub : {"", "build"}) {
      llvm::SmallString<256> Candidate(Current);
      llvm::sys::path::append(Candidate, Sub, "compile_commands.json");
      // Any file counts: one that is no regular file is refused when it is
      // loaded, with an error that says so, rather than passed over.
      if (llvm::sys::fs::exists(Candidate))
        return std::string(llvm::sys::path::parent_path(Candidate));
    }
  }
  return std::nullopt;
}

} // namespace session_lint
