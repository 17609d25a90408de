//===--- Progress.cpp - The batch's progress line on a terminal -----------===//

#include "Progress.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <cstdio>

namespace session_lint {

void Progress::started(llvm::StringRef File) {
  Current = llvm::sys::path::filename(File).str();
  draw(/*Force=*/false);
}

void Progress::finished(unsigned NewFindings) {
  ++Done;
  Findings += NewFindings;
  draw(/*Force=*/Done == Total);
}

void Progress::clear() {
  if (!Enabled)
    return;
  OS << "\r\x1b[K";
  OS.flush();
}

void Progress::draw(bool Force) {
  if (!Enabled)
    return;
  auto Now = std::chrono::steady_clock::now();
  // Redrawing more often than a terminal can show only costs time.
  if (!Force && Now - LastDraw < std::chrono::milliseconds(100))
    return;
  LastDraw = Now;
  double Elapsed = std::chrono::duration<double>(Now - Start).count();
  char Eta[16] = "--:--";
  if (Done) {
    unsigned Left = unsigned(Elapsed / Done * (Total - Done));
    std::snprintf(Eta, sizeof(Eta), "%u:%02u", Left / 60, Left % 60);
  }
  unsigned Percent = Total ? Done * 100 / Total : 100;
  OS << llvm::formatv("\r\x1b[K[{0}/{1}] {2,3}%  {3}  {4} finding{5}  ETA {6}",
                      Done, Total, Percent, Current, Findings,
                      Findings == 1 ? "" : "s", Eta);
  OS.flush();
}

} // namespace session_lint
