//===--- CompilePolicy.h - Which compile flags an analysis may use --------===//
//
// A compile command comes from the analyzed tree (compile_commands.json,
// compile_flags.txt, the response files they name, a .clang-tidy's
// ExtraArgs/ExtraArgsBefore) or from the user (flags after `--`,
// --extra-arg). Clang's driver would act on some of its flags before any
// parsing: run a program (the offload architecture probes amdgpu-arch and
// nvptx-arch, found through -B, --amdgpu-arch-tool= or next to the compiler),
// read a driver configuration file (--config=, the clang++.cfg next to the
// compiler a command names), load code (-fplugin=, -Xclang -load) or write a
// file (-Wp,-MD,PATH, -Xclang -dependency-file, --serialize-diagnostics,
// -MJ, -ftime-trace, a module cache). An audit of untrusted code must do none
// of that, so a command keeps only what shapes how the code parses:
//
// * by allow-list, on the option Clang's own option table parses (so an
//   option's arity and its spellings, `-D X`, `-DX`, `/DX`, `--target X`,
//   are Clang's): the language and standard, defines, include paths and
//   forced includes, warnings, the target triple and -m target options,
//   -f language options (value-less ones, except the few that make clang
//   write or build something; ones with a value only from a list), -O, -g;
//   the same for each `-Xclang` value, parsed as the frontend would;
// * response files are expanded first (regular files only, nested at most
//   ResponseFileDepthLimit deep, ResponseFileCountLimit files in all);
// * everything else is dropped; the flags every build has and that an
//   analysis ignores anyway (-c, -o FILE, -MD -MF FILE -MT T, link and
//   assembler flags) quietly, the rest named in one note per unit;
// * --no-default-config is added (no clang++.cfg next to the compiler), and
//   --offload-host-only for CUDA and HIP (no device compilation, no probe);
//   -march=/-mcpu=/-mtune=native are dropped (on a GPU target, "native" is
//   found by running a probe).
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_COMPILEPOLICY_H
#define SESSION_LINT_TOOL_COMPILEPOLICY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace session_lint {

constexpr unsigned ResponseFileDepthLimit = 8;
constexpr unsigned ResponseFileCountLimit = 256;

struct PolicyOutcome {
  /// The command to run: the compiler first, as given.
  std::vector<std::string> CommandLine;
  /// What was dropped and deserves saying, as written ("-Xclang -load
  /// -Xclang evil.so", "@deep.rsp (nested deeper than 8)").
  std::vector<std::string> Dropped;
};

/// \p CommandLine (compiler first) as session-lint runs it; relative
/// response files are found from \p Directory.
PolicyOutcome applyCompilePolicy(llvm::ArrayRef<std::string> CommandLine,
                                 llvm::StringRef Directory);

/// The one note for a unit: "dropped from the compile command of FILE: ...".
std::string describeDropped(llvm::StringRef File,
                            llvm::ArrayRef<std::string> Dropped);

} // namespace session_lint

#endif
