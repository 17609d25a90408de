//===--- LspOutputFilter.h - What session-clangd adds to clangd's output --===//
//
// clangd is linked in whole and its sources are not ours to change, so what
// session-clangd adds to the protocol it adds to clangd's output: standard
// output becomes a pipe, and a thread passes every message on to the editor,
// changed where it must be:
//  * a diagnostic of a session-* check links to the check's own page
//    (`codeDescription.href`), where clangd would link to a page of
//    clang.llvm.org that does not exist for an out-of-tree module;
//  * messages of session-clangd's own (a configuration error shown with
//    `window/showMessage`) go out between clangd's, never inside one.
// Bytes that are not a Content-Length framed message pass through as they
// are.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_CLANGD_LSPOUTPUTFILTER_H
#define SESSION_LINT_TOOL_CLANGD_LSPOUTPUTFILTER_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace session_lint {

/// The page of \p Check under \p DocsUrl (a folder URL ending in '/').
std::string checkDocsUrl(llvm::StringRef DocsUrl, llvm::StringRef Check);

/// One message body as the editor should see it: a publishDiagnostics whose
/// session-* diagnostics link to \p DocsUrl; any other body unchanged.
std::string filterMessage(llvm::StringRef Body, llvm::StringRef DocsUrl);

/// Points standard output at the filter; the filter runs until stop().
/// Returns false (and changes nothing) when the pipe cannot be made.
bool startLspOutputFilter(llvm::StringRef DocsUrl);

/// Sends a `window/showMessage` of type Error to the editor, once per
/// distinct text; a no-op when the filter is not running.
void showErrorOnce(llvm::StringRef Text);

/// Flushes what clangd wrote, gives standard output back and waits for the
/// filter to pass the rest on.
void stopLspOutputFilter();

} // namespace session_lint

#endif
