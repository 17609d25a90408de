//===--- ClassJudgements.cpp - A unit's verdicts, for the batch -----------===//

#include "model/Diagnostics.h"
#include "model/SessionModel.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::session {
namespace {

RoleSense senseOf(const ClassInfo &Info) {
  if (Info.Role == ClassRole::Plain)
    return RoleSense::Service;
  if (SessionModel::isSessionRole(Info.Role))
    return RoleSense::Session;
  return RoleSense::Other;
}

} // namespace

std::string SessionModel::batchKey(const CXXRecordDecl *Class) {
  const CXXRecordDecl *Definition = Class->getDefinition();
  if (!Definition)
    Definition = Class;
  const SourceManager &Sources = Definition->getASTContext().getSourceManager();
  std::string Path;
  if (OptionalFileEntryRef File = Sources.getFileEntryRefForID(
          Sources.getFileID(Sources.getExpansionLoc(Definition->getLocation()))))
    Path = File->getFileEntry().tryGetRealPathName().str();
  return Path + "::" + qualifiedName(Definition);
}

void SessionModel::recordJudgement(const CXXRecordDecl *Class,
                                   const ClassInfo &Info) {
  BatchFacts *Facts = BatchFacts::active();
  if (!Facts || !Info.ByShape)
    return;
  ClassJudgement Judgement;
  Judgement.Class = batchKey(Class);
  Judgement.Sense = senseOf(Info);
  Judgement.BodiesSeen = Info.BodiesSeen;
  Judgement.Final = Info.Final;
  if (Judgement.Sense != RoleSense::Other && Info.Why.Loc.isValid()) {
    Judgement.Why =
        Judgement.Sense == RoleSense::Service
            ? whyItIsAService(Class->getDefinition(), Info.Why)
            : whyItIsASession(Class->getDefinition(), Info.SessionMember,
                              Info.Why);
    const SourceManager &Sources = Class->getASTContext().getSourceManager();
    SourceLocation Loc = Sources.getFileLoc(Info.Why.Loc);
    if (OptionalFileEntryRef File =
            Sources.getFileEntryRefForID(Sources.getFileID(Loc))) {
      Judgement.WhyFile = File->getFileEntry().tryGetRealPathName().str();
      Judgement.WhyOffset = Sources.getFileOffset(Loc);
    }
  }
  Facts->judged(std::move(Judgement));
}

void SessionModel::addDependence(std::vector<RoleDependence> &Into,
                                 const CXXRecordDecl *Class,
                                 const ClassInfo &Info, RoleSense Needs) {
  if (!BatchFacts::active() || !Info.ByShape || Info.Final)
    return;
  Into.push_back({batchKey(Class), Info.BodiesSeen, Needs});
}

void SessionModel::addSessionDependence(std::vector<RoleDependence> &Into,
                                        const Holding &H) {
  const auto *Wrapper = dyn_cast_or_null<CXXRecordDecl>(H.SessionDecl);
  if (Wrapper && H.WrappedMember)
    addDependence(Into, Wrapper, roleOf(Wrapper), RoleSense::Session);
}

} // namespace clang::tidy::session
