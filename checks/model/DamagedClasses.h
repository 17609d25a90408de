//===--- DamagedClasses.h - What a compile error left of a class ----------===//
//
// Real code is analyzed where it does not fully compile: a generated header
// that is not there yet (`ui_mainwindow.h`, `*.grpc.pb.h`), a dependency the
// machine lacks, an edit half typed in the editor. Clang keeps what it could
// make of a class, in two ways that matter here:
//
// * a member whose type did not resolve is marked invalid, and so is the
//   whole class; its other members are intact and can still be judged;
// * a member function definition whose signature names such a type matches
//   no declaration of its class: Clang keeps its body, but only as a stray
//   definition the class does not list (StrayDefinitions);
// * a base whose name did not resolve is dropped without a trace: the class
//   looks as if it had no base. The lost base may have made it a pool, a
//   wrapper or library code, so such a class is not judged at all.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_MODEL_DAMAGEDCLASSES_H
#define SESSION_LINT_MODEL_DAMAGEDCLASSES_H

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::session {

/// The class's definition names more bases than Clang resolved.
bool lostABase(const CXXRecordDecl *Class);

/// Whether what the class's definition shows can be trusted: it lost no base,
/// and if an error marked it invalid, the error is in one of its members.
bool isJudgeable(const CXXRecordDecl *Class);

/// The member function definitions of a unit that an error kept from
/// matching their class's declaration, by class. The unit is indexed once,
/// and only when it had errors.
class StrayDefinitions {
public:
  llvm::ArrayRef<const CXXMethodDecl *> of(const CXXRecordDecl *Class);

private:
  void index(const DeclContext *Context);

  bool Indexed = false;
  llvm::DenseMap<const CXXRecordDecl *,
                 llvm::SmallVector<const CXXMethodDecl *, 4>>
      ByClass;
};

} // namespace clang::tidy::session

#endif
