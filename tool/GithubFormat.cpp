//===--- GithubFormat.cpp - Findings as GitHub Actions annotations --------===//

#include "GithubFormat.h"

namespace session_lint {
namespace {

llvm::StringRef commandFor(const Diagnostic &D) {
  if (D.kind() == DiagnosticKind::Remark || D.Level == Severity::Remark)
    return "notice";
  if (D.Level == Severity::Error || D.WarningAsError)
    return "error";
  return "warning";
}

void writeAnnotation(llvm::StringRef Command, llvm::StringRef File,
                     unsigned Line, unsigned Column, llvm::StringRef Title,
                     llvm::StringRef Text, llvm::raw_ostream &OS) {
  OS << "::" << Command;
  const char *Separator = " ";
  auto Property = [&](llvm::StringRef Key, llvm::StringRef Value) {
    OS << Separator << Key << "=" << escapeWorkflowCommand(Value, true);
    Separator = ",";
  };
  if (!File.empty())
    Property("file", File);
  if (Line)
    Property("line", std::to_string(Line));
  if (Column)
    Property("col", std::to_string(Column));
  if (!Title.empty())
    Property("title", Title);
  OS << "::" << escapeWorkflowCommand(Text, false) << "\n";
}

} // namespace

std::string escapeWorkflowCommand(llvm::StringRef Text, bool Property) {
  std::string Escaped;
  for (char C : Text) {
    switch (C) {
    case '%': Escaped += "%25"; break;
    case '\r': Escaped += "%0D"; break;
    case '\n': Escaped += "%0A"; break;
    case ':': Escaped += Property ? "%3A" : ":"; break;
    case ',': Escaped += Property ? "%2C" : ","; break;
    default: Escaped += C;
    }
  }
  return Escaped;
}

void writeGithubAnnotations(const RunResult &Result, llvm::StringRef Root,
                            llvm::raw_ostream &OS) {
  for (const Diagnostic &D : Result.Diagnostics) {
    if (D.kind() == DiagnosticKind::Compiler)
      continue;
    // The notes say why (the acquisition, the owner, the leaking exit):
    // they follow the message, each on its own line.
    std::string Text = D.Main.Text;
    for (const Message &Note : D.Notes) {
      Text += "\nnote: ";
      if (!Note.File.empty())
        Text += relativeTo(Root, Note.File) + ":" + std::to_string(Note.Line) +
                ": ";
      Text += Note.Text;
    }
    std::string File =
        D.Main.File.empty() ? "" : relativeTo(Root, D.Main.File);
    writeAnnotation(commandFor(D), File, D.Main.Line, D.Main.Column, D.Check,
                    Text, OS);
  }
  for (const UnitFailure &F : Result.Failures)
    writeAnnotation("error", relativeTo(Root, F.File), 0, 0,
                    "session-lint: not analyzed",
                    "this translation unit could not be analyzed: " + F.Reason,
                    OS);
}

} // namespace session_lint
