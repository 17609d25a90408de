//===--- Singletons.cpp - A class that keeps one instance for the process -===//
//
// A singleton keeps whatever session it holds for the life of the process
// (R2, R3). It is recognised by its own declarations, in this order:
// * a static data member that is an instance of the class (by value,
//   pointer or owning smart pointer);
// * a static local of the class's type in one of its static member
//   functions (a Meyers singleton), where that body is visible;
// * its declaration shape, for an accessor defined in another file or one
//   keeping the instance elsewhere: no public constructor of its own and a
//   static member function,
//   callable without arguments, that returns a reference or a raw pointer
//   to the class. A factory returns by value or by owning pointer, so it is
//   not taken for one.
//
//===----------------------------------------------------------------------===//

#include "model/SessionModel.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::session {
namespace {

/// Finds a static local whose type is an instance of \p Class.
class StaticInstanceFinder : public RecursiveASTVisitor<StaticInstanceFinder> {
public:
  explicit StaticInstanceFinder(const CXXRecordDecl *Class) : Class(Class) {}
  bool VisitVarDecl(VarDecl *Var) {
    if (Var->isStaticLocal() &&
        SessionModel::instanceClass(Var->getType()) == Class)
      Found = Var;
    return !Found;
  }
  const VarDecl *Found = nullptr;

private:
  const CXXRecordDecl *Class;
};

/// No constructor of the class's own can be called from outside it.
bool constructedOnlyFromInside(const CXXRecordDecl *Class) {
  bool Declared = false;
  for (const CXXConstructorDecl *Constructor : Class->ctors()) {
    if (Constructor->isImplicit() || Constructor->isDeleted())
      continue;
    if (Constructor->getAccess() == AS_public)
      return false;
    Declared = true;
  }
  return Declared;
}

/// A static accessor handing out the one instance: `static T &instance()`.
bool isInstanceAccessor(const CXXMethodDecl *Method, const CXXRecordDecl *Self) {
  if (!Method->isStatic() || Method->getMinRequiredArguments() != 0)
    return false;
  QualType Returned = Method->getReturnType();
  if (!Returned->isReferenceType() && !Returned->isPointerType())
    return false;
  const CXXRecordDecl *Class = Returned->getPointeeCXXRecordDecl();
  return Class && Class->getCanonicalDecl() == Self;
}

} // namespace

const CXXRecordDecl *SessionModel::instanceClass(QualType T) {
  for (unsigned Depth = 0; Depth < 8 && !T.isNull(); ++Depth) {
    T = T.getCanonicalType();
    if (T->isPointerType() || T->isReferenceType()) {
      T = T->getPointeeType();
      continue;
    }
    const auto *Class = T->getAsCXXRecordDecl();
    if (!Class)
      return nullptr;
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class);
    if (Spec && Spec->isInStdNamespace() && Spec->getTemplateArgs().size() &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        llvm::is_contained({"unique_ptr", "shared_ptr", "optional"},
                           Spec->getName())) {
      T = Spec->getTemplateArgs()[0].getAsType();
      continue;
    }
    return Class->getCanonicalDecl();
  }
  return nullptr;
}

const NamedDecl *SessionModel::singletonEvidence(const CXXRecordDecl *Class) {
  const CXXRecordDecl *Definition = Class->getDefinition();
  if (!Definition)
    return nullptr;
  const CXXRecordDecl *Self = Definition->getCanonicalDecl();
  const CXXMethodDecl *Accessor = nullptr;
  for (const Decl *Member : Definition->decls()) {
    if (const auto *Var = dyn_cast<VarDecl>(Member)) {
      if (Var->isStaticDataMember() && instanceClass(Var->getType()) == Self)
        return Var;
      continue;
    }
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Member))
      Member = Template->getTemplatedDecl();
    const auto *Method = dyn_cast<CXXMethodDecl>(Member);
    if (!Method || !Method->isStatic())
      continue;
    const FunctionDecl *Body = nullptr;
    if (Method->hasBody(Body)) {
      StaticInstanceFinder Finder(Self);
      Finder.TraverseStmt(Body->getBody());
      if (Finder.Found)
        return Finder.Found;
    }
    if (!Accessor && isInstanceAccessor(Method, Self))
      Accessor = Method;
  }
  if (Accessor && constructedOnlyFromInside(Definition))
    return Accessor;
  return nullptr;
}

} // namespace clang::tidy::session
