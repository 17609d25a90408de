//===--- SourceRootFiles.cpp - Reading only the files of the source root --===//

#include "SourceRootFiles.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <optional>

namespace session_lint {
namespace {

bool lexicallyUnder(llvm::StringRef Root, llvm::StringRef Path) {
  if (!Path.consume_front(Root))
    return false;
  return Path.empty() || llvm::sys::path::is_separator(Path.front()) ||
         llvm::sys::path::is_separator(Root.back());
}

/// \p Path lies under \p Root, lexically and once links are resolved; its
/// file status when it does.
std::optional<llvm::sys::fs::file_status> statusUnder(llvm::StringRef Root,
                                                     llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  if (!lexicallyUnder(Root, Absolute))
    return std::nullopt;
  llvm::SmallString<256> RealRoot, RealPath;
  if (llvm::sys::fs::real_path(Root, RealRoot) ||
      llvm::sys::fs::real_path(Absolute, RealPath) ||
      !lexicallyUnder(RealRoot, RealPath))
    return std::nullopt;
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(RealPath, Status))
    return std::nullopt;
  return Status;
}

class UnderRootFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  UnderRootFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                      std::string Root)
      : ProxyFileSystem(std::move(Base)), Root(std::move(Root)) {}

  // Folders too: the file manager looks at a file's folder.
  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    if (!statusUnder(Root, Path.str()))
      return std::make_error_code(std::errc::no_such_file_or_directory);
    return ProxyFileSystem::status(Path);
  }

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    if (!isUnderSourceRoot(Root, Path.str()))
      return std::make_error_code(std::errc::no_such_file_or_directory);
    return ProxyFileSystem::openFileForRead(Path);
  }

private:
  std::string Root;
};

} // namespace

bool isUnderSourceRoot(llvm::StringRef Root, llvm::StringRef Path) {
  if (Root.empty())
    return true;
  std::optional<llvm::sys::fs::file_status> Status = statusUnder(Root, Path);
  return Status && Status->type() == llvm::sys::fs::file_type::regular_file;
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
onlyUnderSourceRoot(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                    std::string Root) {
  return new UnderRootFileSystem(std::move(Base), std::move(Root));
}

} // namespace session_lint
