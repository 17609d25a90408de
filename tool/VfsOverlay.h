//===--- VfsOverlay.h - The file system the analysis reads ----------------===//
//
// The real file system, with the virtual one of --vfsoverlay (clang's
// -ivfsoverlay YAML) on top when it is given: the workers parse through it
// and the fixes are applied through it, as in clang-tidy.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_VFSOVERLAY_H
#define SESSION_LINT_TOOL_VFSOVERLAY_H

#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace session_lint {

/// An error says why the --vfsoverlay file cannot be used.
llvm::Expected<llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem>>
analysisFileSystem();

} // namespace session_lint

#endif
