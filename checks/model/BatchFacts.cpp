//===--- BatchFacts.cpp - What one unit tells the others about a class ----===//

#include "model/BatchFacts.h"

namespace clang::tidy::session {
namespace {

/// No message of a check or the compiler reads like this (a control
/// character would be escaped by the diagnostic engine), and the note never
/// leaves the worker.
constexpr llvm::StringLiteral TiePrefix = "@@session-lint-tie:";

BatchFacts *Active = nullptr;

} // namespace

BatchFacts *BatchFacts::active() { return Active; }

void BatchFacts::install(BatchFacts *Collector) { Active = Collector; }

void BatchFacts::judged(ClassJudgement Judgement) {
  Judgements.push_back(std::move(Judgement));
}

std::string BatchFacts::tie(std::vector<RoleDependence> Dependences,
                            bool HeldBack) {
  Ties.push_back({std::move(Dependences), HeldBack});
  return TiePrefix.str() + std::to_string(Ties.size() - 1);
}

const BatchFacts::Tied *BatchFacts::tiedBy(llvm::StringRef NoteText) const {
  if (!NoteText.consume_front(TiePrefix))
    return nullptr;
  size_t Index;
  if (NoteText.getAsInteger(10, Index) || Index >= Ties.size())
    return nullptr;
  return &Ties[Index];
}

} // namespace clang::tidy::session
