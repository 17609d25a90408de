//===--- TypeHolding.cpp - Does a type hold a session, and how ------------===//

#include "model/SessionModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::session {
namespace {

constexpr unsigned MaxDepth = 16;

/// The kind of holder a standard or Qt class template is, if it is one.
std::optional<HolderKind> holderTemplateKind(const NamedDecl *Template) {
  if (!Template || !Template->getIdentifier())
    return std::nullopt;
  llvm::StringRef Name = Template->getName();
  const DeclContext *Context = Template->getDeclContext()->getRedeclContext();
  if (Template->isInStdNamespace())
    return llvm::StringSwitch<std::optional<HolderKind>>(Name)
        .Cases("unique_ptr", "shared_ptr", "optional", HolderKind::Owner)
        .Case("weak_ptr", HolderKind::WeakRef)
        .Case("reference_wrapper", HolderKind::Reference)
        .Cases("pair", "tuple", "variant", "atomic", HolderKind::Value)
        .Cases("vector", "list", "deque", "forward_list", "array",
               HolderKind::Container)
        .Cases("map", "multimap", "unordered_map", "unordered_multimap",
               HolderKind::Container)
        .Cases("set", "multiset", "unordered_set", "unordered_multiset",
               HolderKind::Container)
        .Cases("queue", "stack", "priority_queue", HolderKind::Container)
        .Default(std::nullopt);
  if (!Context->isTranslationUnit())
    return std::nullopt;
  return llvm::StringSwitch<std::optional<HolderKind>>(Name)
      .Cases("QSharedPointer", "QScopedPointer", HolderKind::Owner)
      .Cases("QWeakPointer", "QPointer", HolderKind::WeakRef)
      .Cases("QList", "QVector", "QLinkedList", "QQueue", "QStack",
             HolderKind::Container)
      .Cases("QMap", "QHash", "QMultiMap", "QMultiHash", "QSet",
             HolderKind::Container)
      .Default(std::nullopt);
}

/// The outermost layer decides: a vector of pointers is a container, a
/// pointer held by value is a pointer.
HolderKind compose(HolderKind Outer, HolderKind Inner) {
  return Outer == HolderKind::Value ? Inner : Outer;
}

} // namespace

const std::string &SessionModel::qualifiedName(const NamedDecl *Decl) {
  auto [It, Inserted] = Names.try_emplace(Decl);
  if (Inserted)
    It->second = Decl->getQualifiedNameAsString();
  return It->second;
}

std::optional<Holding> SessionModel::holding(QualType T) {
  return holdingIn(T, HolderKind::Value, 0);
}

std::optional<Holding> SessionModel::holdingIn(QualType T, HolderKind Outer,
                                               unsigned Depth) {
  if (Depth > MaxDepth)
    return std::nullopt;
  auto HeldIn = [&](QualType Inner, HolderKind Kind) {
    return holdingIn(Inner, compose(Outer, Kind), Depth + 1);
  };
  // Check each layer of sugar before peeling it off: the name the user wrote
  // may be the only thing that says "session".
  while (!T.isNull()) {
    const Type *Ty = T.getTypePtr();
    if (const auto *Typedef = dyn_cast<TypedefType>(Ty)) {
      // Configured names may be aliases (`using Lease = LeaseT<Pg>;`).
      const TypedefNameDecl *Decl = Typedef->getDecl();
      const std::string &Name = qualifiedName(Decl);
      // A C handle spelled as a pointer typedef (ODBC's `SQLHDBC`) is held
      // through a raw pointer, whatever its name hides: owned only where a
      // release says so.
      if (Options.SessionTypes.matches(Name) || Options.GuardTypes.matches(Name))
        return Holding{Decl->getUnderlyingType()->isPointerType()
                           ? compose(Outer, HolderKind::RawPointer)
                           : Outer,
                       Decl, nullptr, {}};
      if (Options.PoolTypes.matches(Name) ||
          Options.ScopeClasses.matches(Name) ||
          Options.TransactionGuardTypes.matches(Name))
        return std::nullopt;
    } else if (const auto *Spec = dyn_cast<TemplateSpecializationType>(Ty)) {
      const TemplateDecl *Template =
          Spec->getTemplateName().getAsTemplateDecl();
      if (Template && Options.SessionTypes.matches(qualifiedName(Template)))
        return Holding{Outer, Template, nullptr, {}};
      if (std::optional<HolderKind> Kind = holderTemplateKind(Template)) {
        for (const TemplateArgument &Arg : Spec->template_arguments())
          if (Arg.getKind() == TemplateArgument::Type)
            if (auto Found = HeldIn(Arg.getAsType(), *Kind))
              return Found;
        return std::nullopt;
      }
    } else if (const auto *Pointer = dyn_cast<PointerType>(Ty)) {
      return HeldIn(Pointer->getPointeeType(), HolderKind::RawPointer);
    } else if (const auto *Ref = dyn_cast<ReferenceType>(Ty)) {
      return HeldIn(Ref->getPointeeType(), HolderKind::Reference);
    } else if (const auto *Array = dyn_cast<ArrayType>(Ty)) {
      return HeldIn(Array->getElementType(), HolderKind::Container);
    } else if (const auto *Record = dyn_cast<RecordType>(Ty)) {
      const auto *Class = dyn_cast<CXXRecordDecl>(Record->getDecl());
      if (!Class) {
        // A C struct: only its name can make it a session (libpq's pg_conn).
        const RecordDecl *Decl = Record->getDecl();
        if (Options.SessionTypes.matches(qualifiedName(Decl)))
          return Holding{Outer, Decl, nullptr, {}};
        return std::nullopt;
      }
      // A holder template reached without sugar (through `auto` or a
      // template parameter): read its canonical arguments.
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class))
        if (std::optional<HolderKind> Kind =
                holderTemplateKind(Spec->getSpecializedTemplate())) {
          for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
            if (Arg.getKind() == TemplateArgument::Type)
              if (auto Found = HeldIn(Arg.getAsType(), *Kind))
                return Found;
          return std::nullopt;
        }
      // Most classes contain nothing named like a session: no need to ask
      // what their member functions do.
      if (!mayHoldSession(Class))
        return std::nullopt;
      ClassInfo Info = roleOf(Class);
      if (isSessionRole(Info.Role))
        return Holding{Outer, Class, Info.SessionMember, Info.Why};
      return std::nullopt;
    }
    // cv qualifiers do not matter here, so drop them with the sugar.
    QualType Next = Ty->getLocallyUnqualifiedSingleStepDesugaredType();
    if (Next.getTypePtr() == Ty)
      return std::nullopt;
    T = Next;
  }
  return std::nullopt;
}

namespace {

/// Walks a type as holdingIn does, every sugar layer and every template
/// argument (not only a holder's: a superset of what holdingIn reads), and
/// reports the classes it contains to \p Contains and whether a layer is
/// named like a session or guard type to \p Named.
void walkContained(
    QualType T, const SessionOptions &Options,
    llvm::function_ref<const std::string &(const NamedDecl *)> Name,
    llvm::function_ref<void(const CXXRecordDecl *)> Contains, bool &Named);

void walkArguments(
    llvm::ArrayRef<TemplateArgument> Args, const SessionOptions &Options,
    llvm::function_ref<const std::string &(const NamedDecl *)> Name,
    llvm::function_ref<void(const CXXRecordDecl *)> Contains, bool &Named) {
  for (const TemplateArgument &Arg : Args) {
    if (Arg.getKind() == TemplateArgument::Type)
      walkContained(Arg.getAsType(), Options, Name, Contains, Named);
    else if (Arg.getKind() == TemplateArgument::Pack)
      walkArguments(Arg.pack_elements(), Options, Name, Contains, Named);
  }
}

void walkContained(
    QualType T, const SessionOptions &Options,
    llvm::function_ref<const std::string &(const NamedDecl *)> Name,
    llvm::function_ref<void(const CXXRecordDecl *)> Contains, bool &Named) {
  while (!T.isNull() && !Named) {
    const Type *Ty = T.getTypePtr();
    if (const auto *Typedef = dyn_cast<TypedefType>(Ty)) {
      const std::string &Written = Name(Typedef->getDecl());
      if (Options.SessionTypes.matches(Written) ||
          Options.GuardTypes.matches(Written)) {
        Named = true;
        return;
      }
    } else if (const auto *Spec = dyn_cast<TemplateSpecializationType>(Ty)) {
      if (const TemplateDecl *Template =
              Spec->getTemplateName().getAsTemplateDecl();
          Template && Options.SessionTypes.matches(Name(Template))) {
        Named = true;
        return;
      }
      walkArguments(Spec->template_arguments(), Options, Name, Contains,
                    Named);
    } else if (const auto *Pointer = dyn_cast<PointerType>(Ty)) {
      T = Pointer->getPointeeType();
      continue;
    } else if (const auto *Ref = dyn_cast<ReferenceType>(Ty)) {
      T = Ref->getPointeeType();
      continue;
    } else if (const auto *Array = dyn_cast<ArrayType>(Ty)) {
      T = Array->getElementType();
      continue;
    } else if (const auto *Record = dyn_cast<RecordType>(Ty)) {
      if (const auto *Class = dyn_cast<CXXRecordDecl>(Record->getDecl()))
        Contains(Class);
      else if (Options.SessionTypes.matches(Name(Record->getDecl())))
        Named = true;
      return;
    }
    QualType Next = Ty->getLocallyUnqualifiedSingleStepDesugaredType();
    if (Next.getTypePtr() == Ty)
      return;
    T = Next;
  }
}

} // namespace

bool SessionModel::mayHoldSession(const CXXRecordDecl *Class) {
  const Decl *Key = Class->getCanonicalDecl();
  auto Known = MayHold.find(Key);
  if (Known != MayHold.end())
    return Known->second;
  settleReach(cast<CXXRecordDecl>(Key));
  return MayHold.lookup(Key);
}

// One step of Tarjan's algorithm: when it returns, \p Class is settled, or
// is part of a component still open on the stack below it.
void SessionModel::settleReach(const CXXRecordDecl *Class) {
  const std::string &Own = qualifiedName(Class);
  ReachOpen[Class] = {ReachNext, ReachNext,
                      Options.SessionTypes.matches(Own) ||
                          Options.GuardTypes.matches(Own)};
  ++ReachNext;
  ReachStack.push_back(Class);
  // A class named like a session needs no walk of what it contains.
  bool Named = ReachOpen[Class].Reaches;
  auto Contains = [&](const CXXRecordDecl *Inner) {
    const Decl *Key = Inner->getCanonicalDecl();
    if (auto Known = MayHold.find(Key); Known != MayHold.end()) {
      Named |= Known->second;
      return;
    }
    auto Open = ReachOpen.find(Key);
    if (Open == ReachOpen.end()) {
      settleReach(cast<CXXRecordDecl>(Key));
      if (auto Known = MayHold.find(Key); Known != MayHold.end()) {
        Named |= Known->second;
        return;
      }
      Open = ReachOpen.find(Key);
      ReachNode &Mine = ReachOpen[Class];
      Mine.Low = std::min(Mine.Low, Open->second.Low);
      Named |= Open->second.Reaches;
      return;
    }
    // On the stack: the same component.
    ReachNode &Mine = ReachOpen[Class];
    Mine.Low = std::min(Mine.Low, Open->second.Index);
    Named |= Open->second.Reaches;
  };
  auto Name = [&](const NamedDecl *D) -> const std::string & {
    return qualifiedName(D);
  };
  auto Walk = [&](QualType T) {
    walkContained(T, Options, Name, Contains, Named);
  };
  if (const CXXRecordDecl *Definition = Class->getDefinition()) {
    for (const CXXBaseSpecifier &Base : Definition->bases())
      Walk(Base.getType());
    for (const FieldDecl *Field : Definition->fields())
      Walk(Field->getType());
  }
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class))
    walkArguments(Spec->getTemplateArgs().asArray(), Options, Name, Contains,
                  Named);
  ReachNode &Mine = ReachOpen[Class];
  Mine.Reaches |= Named;
  if (Mine.Low != Mine.Index)
    return;
  // The root of a component: every class in it reaches what any one does.
  bool Reaches = false;
  for (auto It = ReachStack.rbegin(); It != ReachStack.rend(); ++It) {
    Reaches |= ReachOpen[*It].Reaches;
    if (*It == Class)
      break;
  }
  const Decl *Member;
  do {
    Member = ReachStack.pop_back_val();
    ReachOpen.erase(Member);
    MayHold[Member] = Reaches;
  } while (Member != Class);
}

bool SessionModel::isHolderTemplate(const CXXRecordDecl *Class) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class);
  return Spec && holderTemplateKind(Spec->getSpecializedTemplate());
}

bool SessionModel::spelledWithTemplateArgument(QualType T) {
  for (unsigned Depth = 0; Depth < MaxDepth && !T.isNull(); ++Depth) {
    const Type *Ty = T.getTypePtr();
    if (isa<SubstTemplateTypeParmType>(Ty))
      return true;
    if (const auto *Spec = dyn_cast<TemplateSpecializationType>(Ty))
      for (const TemplateArgument &Arg : Spec->template_arguments())
        if (Arg.getKind() == TemplateArgument::Type &&
            spelledWithTemplateArgument(Arg.getAsType()))
          return true;
    if (Ty->isPointerType() || Ty->isReferenceType() || Ty->isArrayType()) {
      if (!isa<PointerType, ReferenceType, ArrayType>(Ty)) {
        T = Ty->getLocallyUnqualifiedSingleStepDesugaredType();
        continue;
      }
      T = Ty->isArrayType() ? QualType(Ty->getPointeeOrArrayElementType(), 0)
                            : Ty->getPointeeType();
      continue;
    }
    QualType Next = Ty->getLocallyUnqualifiedSingleStepDesugaredType();
    if (Next.getTypePtr() == Ty)
      return false;
    T = Next;
  }
  return false;
}

} // namespace clang::tidy::session
