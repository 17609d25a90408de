//===--- Progress.h - The batch's progress line on a terminal -------------===//
//
// One line, redrawn in place on stderr: units done of total, the unit last
// started, findings so far, and the time left at the pace so far. Nothing
// is drawn when stderr is not a terminal (CI logs, pipes), so output that is
// captured stays exactly the findings.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_PROGRESS_H
#define SESSION_LINT_TOOL_PROGRESS_H

#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <string>

namespace session_lint {

class Progress {
public:
  Progress(unsigned Total, bool Enabled, llvm::raw_ostream &OS)
      : Total(Total), Enabled(Enabled), OS(OS),
        Start(std::chrono::steady_clock::now()) {}

  void started(llvm::StringRef File);
  void finished(unsigned NewFindings);
  /// Erases the line.
  void clear();

private:
  void draw(bool Force);

  unsigned Total;
  bool Enabled;
  llvm::raw_ostream &OS;
  std::chrono::steady_clock::time_point Start, LastDraw;
  unsigned Done = 0;
  unsigned Findings = 0;
  std::string Current;
};

} // namespace session_lint

#endif
