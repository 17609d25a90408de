//===--- UnitAnalysis.h - The clang-tidy engine on one translation unit ---===//
//
// What a worker process does: runs the enabled checks on one compile
// command, the way clang-tidy's runClangTidy does (its diagnostic consumer,
// NOLINT handling; the header filter of HeaderScope.h),
// and in the same pass
// records the declarations around each diagnostic for the baseline's
// fingerprints.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_UNITANALYSIS_H
#define SESSION_LINT_TOOL_UNITANALYSIS_H

#include "ClangTidyDiagnosticConsumer.h"
#include "HeaderScope.h"
#include "ResultCache.h"
#include "RunResult.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace session_lint {

/// Analyzes the unit of \p Command. Compile errors come back as diagnostics
/// and as a failure of the unit. Findings in headers \p Headers does not
/// show are only counted (RunResult::LeftOutByHeaderFilter). With \p Inputs,
/// the files the unit read are listed there (ResultCache.h).
RunResult
analyzeUnit(clang::tidy::ClangTidyContext &Context,
            const clang::tooling::CompileCommand &Command,
            llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS,
            bool FixesFromNotes, const HeaderScope &Headers,
            std::vector<InputFile> *Inputs = nullptr);

} // namespace session_lint

#endif
