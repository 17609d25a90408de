//===--- VfsOverlay.cpp - The file system the analysis reads --------------===//

#include "VfsOverlay.h"
#include "CommandLine.h"
#include "InputFiles.h"
#include "llvm/Support/MemoryBuffer.h"

namespace session_lint {

llvm::Expected<llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem>>
analysisFileSystem() {
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem()));
  if (options::VfsOverlay.empty())
    return FS;
  auto Text = readRegularFile(options::VfsOverlay, ConfigSizeLimit);
  if (!Text)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot read --vfsoverlay '" +
                                       options::VfsOverlay + "': " +
                                       llvm::toString(Text.takeError()));
  std::string Problems;
  auto Overlay = llvm::vfs::getVFSFromYAML(
      std::move(*Text),
      [](const llvm::SMDiagnostic &D, void *Context) {
        *static_cast<std::string *>(Context) += D.getMessage().str() + "; ";
      },
      options::VfsOverlay, &Problems);
  if (!Overlay)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "invalid --vfsoverlay '" + options::VfsOverlay + "': " +
            (Problems.empty() ? std::string("not a virtual file system")
                              : llvm::StringRef(Problems).drop_back(2).str()));
  FS->pushOverlay(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(Overlay.release()));
  return FS;
}

} // namespace session_lint
