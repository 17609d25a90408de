//===--- ClassFacts.cpp - Class verdicts settled across a batch's units ---===//

#include "ClassFacts.h"
#include "llvm/ADT/StringMap.h"

namespace session_lint {
namespace {

using clang::tidy::session::ClassJudgement;
using clang::tidy::session::RoleDependence;

/// The verdict that knows most: a final one, then the most bodies seen.
bool knowsMore(const ClassJudgement &A, const ClassJudgement &B) {
  if (A.Final != B.Final)
    return A.Final;
  return A.BodiesSeen > B.BodiesSeen;
}

/// What the best verdict says of a dependence: met, not met, or nothing
/// (no unit knew more than the one that depended on it).
enum class Verdict { Met, NotMet, Unknown };

} // namespace

void settleClassVerdicts(RunResult &Result) {
  llvm::StringMap<const ClassJudgement *> Best;
  for (const ClassJudgement &Judgement : Result.Judgements) {
    const ClassJudgement *&Slot = Best[Judgement.Class];
    if (!Slot || knowsMore(Judgement, *Slot))
      Slot = &Judgement;
  }
  auto Settle = [&](const RoleDependence &Dependence,
                    const ClassJudgement *&By) {
    auto Found = Best.find(Dependence.Class);
    if (Found == Best.end())
      return Verdict::Unknown;
    By = Found->second;
    if (!By->Final && By->BodiesSeen <= Dependence.BodiesSeen)
      return Verdict::Unknown;
    return By->Sense == Dependence.Needs ? Verdict::Met : Verdict::NotMet;
  };

  bool NotesAdded = false;
  llvm::erase_if(Result.Diagnostics, [&](Diagnostic &D) {
    bool AnyMet = false, AnyNotMet = false;
    // The verdicts that brought a held-back finding back say why.
    std::vector<const ClassJudgement *> Why;
    for (const RoleDependence &Dependence : D.DependsOn) {
      const ClassJudgement *By = nullptr;
      Verdict V = Settle(Dependence, By);
      AnyMet |= V == Verdict::Met;
      AnyNotMet |= V == Verdict::NotMet;
      if (V == Verdict::Met && !By->Why.empty())
        Why.push_back(By);
    }
    bool Keep = D.HeldBack ? AnyMet && !AnyNotMet : !AnyNotMet;
    for (const ClassJudgement *By : Why) {
      if (!Keep || !D.HeldBack)
        break;
      Message Note;
      Note.File = By->WhyFile;
      Note.Offset = By->WhyOffset;
      Note.Text = By->Why;
      D.Notes.push_back(std::move(Note));
      NotesAdded = true;
    }
    D.DependsOn.clear();
    D.HeldBack = false;
    return !Keep;
  });
  Result.Judgements.clear();
  if (NotesAdded)
    fillLineColumns(Result);
  normalize(Result);
}

} // namespace session_lint
