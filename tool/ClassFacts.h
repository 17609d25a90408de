//===--- ClassFacts.h - Class verdicts settled across a batch's units -----===//
//
// A unit that includes a class's header without its member function bodies
// judges the class from its declaration; the unit that defines them knows
// better (checks/model/BatchFacts.h). After a batch, each finding that rests
// on a verdict reached without every body is settled by the best-informed
// unit's verdict on that class: a final verdict wins, then the unit that saw
// the most bodies. A finding whose class turns out otherwise is dropped; a
// finding a unit held back (the class looked like a wrapper there) is
// reported when the best-informed unit found a service, with that unit's
// evidence as a note. Findings with no better-informed verdict keep their
// own unit's.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_CLASSFACTS_H
#define SESSION_LINT_TOOL_CLASSFACTS_H

#include "RunResult.h"

namespace session_lint {

/// Settles \p Result's dependent and held-back findings, and clears what
/// the units recorded for it.
void settleClassVerdicts(RunResult &Result);

} // namespace session_lint

#endif
