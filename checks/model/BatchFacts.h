//===--- BatchFacts.h - What one unit tells the others about a class ------===//
//
// A unit that does not show a class's member function bodies judges it from
// its declaration (ClassBehaviour.cpp); the unit that defines them knows
// better. In a batch run of the standalone tool, each unit writes down
//
// * the role it gave each class that holds a session, with how many of the
//   class's member function bodies it saw, and whether the verdict is final
//   (every body seen, or evidence no other body can overturn: SQL on the
//   class's own tables, the application's data in a signature);
// * for each finding that rests on a role it judged without being final,
//   that dependence — and for a finding it held back on such a role (a class
//   that looked like a wrapper here), the finding itself, held back.
//
// The batch then keeps a finding only where the best-informed unit agrees,
// and reports a held-back finding where it disagrees (tool/ClassFacts.h),
// so a header's verdict no longer depends on which unit includes it. The
// plugin and session-clangd see one unit: no collector is installed, nothing
// is recorded, and each unit's own judgement stands.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_BATCHFACTS_H
#define SESSION_LINT_MODEL_BATCHFACTS_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::session {

/// What a role means to a finding that depends on it.
enum class RoleSense {
  Service, // holds a session as a plain class does: storing it is a finding
  Session, // a wrapper: a session itself
  Other,   // a pool, or nothing that holds a session
};

/// One unit's verdict on a class that holds a session.
struct ClassJudgement {
  /// The class: its qualified name and the real path of its definition.
  std::string Class;
  RoleSense Sense = RoleSense::Other;
  unsigned BodiesSeen = 0;
  bool Final = false;
  /// The note that says why (a service's SQL, a wrapper's life cycle), where
  /// the evidence is: a unit that did not see it shows this note instead.
  std::string Why;
  std::string WhyFile;
  unsigned WhyOffset = 0;
};

/// A finding that rests on a unit's non-final verdict on a class: it stands
/// only if the best-informed verdict on the class has the sense it needs.
struct RoleDependence {
  std::string Class;
  unsigned BodiesSeen = 0;
  RoleSense Needs = RoleSense::Service;
};

/// The collector a batch worker installs for its unit.
class BatchFacts {
public:
  /// The collector of this process, or null (the plugin, session-clangd).
  static BatchFacts *active();
  static void install(BatchFacts *Collector);

  void judged(ClassJudgement Judgement);

  /// Registers what the finding being reported depends on, and whether the
  /// unit held it back; returns the text of the note that ties them to the
  /// finding. The worker replaces that note by the registration.
  std::string tie(std::vector<RoleDependence> Dependences, bool HeldBack);

  /// The registration a note's text ties to, or null for other notes.
  struct Tied {
    std::vector<RoleDependence> Dependences;
    bool HeldBack = false;
  };
  const Tied *tiedBy(llvm::StringRef NoteText) const;

  std::vector<ClassJudgement> Judgements;

private:
  std::vector<Tied> Ties;
};

} // namespace clang::tidy::session

#endif
