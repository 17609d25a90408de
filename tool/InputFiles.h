//===--- InputFiles.h - Reading the files a run is given, safely ----------===//
//
// Everything the parent process reads comes from the analyzed tree or the
// CI job: units, .clang-tidy files, the baseline, the deployment, merge
// inputs, the diff. One of them that is a FIFO would block the whole run
// forever before any worker starts (where --timeout cannot help), and one
// that is /dev/zero would be read until memory runs out. So files are
// opened without blocking, read only when they are regular files, and up to
// a size limit; anything else is an error that names the file.
//
// The JSON and YAML readers recurse once per nesting level: a document
// nested a hundred thousand levels deep overflows the stack. Such documents
// are refused before they are parsed (checkNesting); no real input of ours
// nests more than a few levels.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_INPUTFILES_H
#define SESSION_LINT_TOOL_INPUTFILES_H

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>

namespace session_lint {

/// Limits on what is read whole (configuration is small; results and
/// baselines of a large code base are not).
constexpr uint64_t ConfigSizeLimit = 16u << 20;
constexpr uint64_t DiffSizeLimit = 64u << 20;
constexpr uint64_t DataSizeLimit = 512u << 20;

/// The deepest nesting of brackets (or YAML indentation levels) a reader
/// accepts.
constexpr unsigned NestingLimit = 256;

/// The whole of \p Path when it is a regular file of at most \p Limit bytes;
/// otherwise an error saying why ("is a FIFO, not a regular file").
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readRegularFile(llvm::StringRef Path, uint64_t Limit);

/// The first \p Bytes of \p Path, under the same conditions, with no limit
/// on its size.
llvm::Expected<std::string> readFileStart(llvm::StringRef Path, size_t Bytes);

/// Standard input, up to \p Limit bytes (a pipe is fine here: it is what the
/// user gave, and it ends when its writer does).
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> readStdin(uint64_t Limit);

/// An error when \p Text (JSON, or YAML with \p Yaml) nests deeper than
/// NestingLimit.
llvm::Error checkNesting(llvm::StringRef Text, bool Yaml);

/// The most keys a .clang-tidy may have. clang-tidy's reader (LLVM's YAML
/// I/O) checks each key of a mapping against the list of those already
/// read: time quadratic in their number (a 14 MB file took 500 s). Real
/// configurations have a few dozen.
constexpr unsigned ConfigKeyLimit = 4096;

/// An error when the YAML \p Text has more than ConfigKeyLimit keys
/// (counted as `key:` separators outside quotes and comments).
llvm::Error checkKeyCount(llvm::StringRef Text);

} // namespace session_lint

#endif
