//===--- ResponseFiles.h - @file arguments of a compile command, expanded -===//
//
// A compile command may name response files (`@args.rsp`), which name more.
// They belong to the analyzed tree, so they are read as InputFiles.h reads
// everything (regular files only, without blocking, up to a size), nested at
// most DepthLimit deep and CountLimit files in all (a file that names itself
// twice would otherwise double the work at every level). What cannot be
// expanded is left out and said, never passed on for clang to read.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_RESPONSEFILES_H
#define SESSION_LINT_TOOL_RESPONSEFILES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace session_lint {

struct ResponseFileLimits {
  unsigned DepthLimit;
  unsigned CountLimit;
};

struct ExpandedArguments {
  std::vector<std::string> Arguments;
  /// Each response file left out, and why ("@a.rsp (it is a FIFO, not a
  /// regular file)").
  std::vector<std::string> LeftOut;
};

/// \p Arguments with every `@file` replaced by its contents, tokenized as
/// the driver would (Windows rules when \p WindowsQuoting). Relative names
/// are found from \p Directory, or, inside a response file, from that file's
/// folder.
ExpandedArguments expandResponseFiles(llvm::ArrayRef<std::string> Arguments,
                                      llvm::StringRef Directory,
                                      bool WindowsQuoting,
                                      ResponseFileLimits Limits);

} // namespace session_lint

#endif
