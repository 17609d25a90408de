//===--- SourceRootFiles.h - Reading only the files of the source root ----===//
//
// `session-lint merge` reads results that other jobs wrote: data, not code
// the tool analyzed. A forged result can name any file ("../../etc/passwd",
// "/home/ci/.ssh/id_rsa") with a finding on it, and the text output would
// quote its line and the HTML report five lines around it, in a report a
// privileged job publishes. So what a run shows of the code comes only from
// regular files under the source root: the path, with `..` resolved and with
// symbolic links followed, must lie inside the (real) root.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_SOURCEROOTFILES_H
#define SESSION_LINT_TOOL_SOURCEROOTFILES_H

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <string>

namespace session_lint {

/// Whether \p Path is a regular file under \p Root, both lexically and once
/// symbolic links are resolved. Every path is under an empty root.
bool isUnderSourceRoot(llvm::StringRef Root, llvm::StringRef Path);

/// \p Base, where only regular files under \p Root can be read (anything
/// else does not exist).
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
onlyUnderSourceRoot(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                    std::string Root);

} // namespace session_lint

#endif
