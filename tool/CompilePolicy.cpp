//===--- CompilePolicy.cpp - Which compile flags an analysis may use ------===//

#include "CompilePolicy.h"
#include "ResponseFiles.h"
#include "clang/Driver/Driver.h"
#include "clang/Driver/Options.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Option/Option.h"
#include "llvm/Support/Path.h"

using namespace clang::driver;

namespace session_lint {
namespace {

enum class Verdict {
  Pass,
  /// An output or a later build step that every build names and an
  /// analysis never acts on: dropped without a word.
  DropQuietly,
  Drop,
};

/// Options that shape how the code parses, by the ID of the option they
/// are (aliases resolved: `/I` is `-I`, `--sysroot X` is `--sysroot=X`).
bool shapesParsing(unsigned ID) {
  switch (ID) {
  case options::OPT_INPUT:
  // Language, standard, driver mode, target.
  case options::OPT_x:
  case options::OPT_std_EQ:
  case options::OPT_ansi:
  case options::OPT_driver_mode:
  case options::OPT_target:
  case options::OPT_stdlib_EQ:
  case options::OPT_pthread:
  case options::OPT_pthreads:
  case options::OPT_trigraphs:
  case options::OPT_undef:
  case options::OPT_w:
  case options::OPT_fsyntax_only:
  case options::OPT_no_default_config:
  // Defines, include paths, forced includes (read, never written).
  case options::OPT_D:
  case options::OPT_U:
  case options::OPT_I:
  case options::OPT_I_:
  case options::OPT_isystem:
  case options::OPT_iquote:
  case options::OPT_idirafter:
  case options::OPT_include:
  case options::OPT_imacros:
  case options::OPT_isysroot:
  case options::OPT__sysroot_EQ:
  case options::OPT_cxx_isystem:
  case options::OPT_isystem_after:
  case options::OPT_iprefix:
  case options::OPT_iwithprefix:
  case options::OPT_iwithprefixbefore:
  case options::OPT_iwithsysroot:
  case options::OPT_iframework:
  case options::OPT_F:
  case options::OPT_nostdinc:
  case options::OPT_nostdincxx:
  case options::OPT_nostdlibinc:
  case options::OPT_nobuiltininc:
  case options::OPT_resource_dir:
  case options::OPT_gcc_toolchain:
  case options::OPT_gcc_install_dir_EQ:
  // Offload languages, host side only: where their headers are, or none.
  case options::OPT_nogpuinc:
  case options::OPT_nogpulib:
  case options::OPT_cuda_path_EQ:
  case options::OPT_hip_path_EQ:
  case options::OPT_rocm_path_EQ:
  case options::OPT_offload_host_only:
  // What clangd itself adds (-Xclang): changes nothing in the parse.
  case options::OPT_no_round_trip_args:
  // clang-cl's own spellings of the same.
  case options::OPT__SLASH_std:
  case options::OPT__SLASH_EH:
  case options::OPT__SLASH_GR:
  case options::OPT__SLASH_GR_:
  case options::OPT__SLASH_TP:
  case options::OPT__SLASH_TC:
  case options::OPT__SLASH_Tp:
  case options::OPT__SLASH_Tc:
  case options::OPT__SLASH_MD:
  case options::OPT__SLASH_MDd:
  case options::OPT__SLASH_MT:
  case options::OPT__SLASH_MTd:
  case options::OPT__SLASH_permissive:
  case options::OPT__SLASH_permissive_:
  case options::OPT__SLASH_utf8:
  case options::OPT__SLASH_Zc_wchar_t:
  case options::OPT__SLASH_Zc_wchar_t_:
  case options::OPT__SLASH_Zc___cplusplus:
    return true;
  default:
    return false;
  }
}

/// Value-less -f flags pass; these make clang write or build something.
bool writesOrBuilds(unsigned ID) {
  switch (ID) {
  case options::OPT_fmodules:
  case options::OPT_fcxx_modules:
  case options::OPT_fimplicit_modules:
  case options::OPT_fbuiltin_module_map:
  case options::OPT_ftime_trace:
  case options::OPT_fcrash_diagnostics:
  case options::OPT_fsave_optimization_record:
  case options::OPT_fproc_stat_report:
  case options::OPT_fprofile_generate:
  case options::OPT_fprofile_instr_generate:
  case options::OPT_fcs_profile_generate:
  case options::OPT_fdebug_compilation_dir_EQ:
    return true;
  default:
    return false;
  }
}

/// -f options with a value that pass: each only shapes the language.
bool isLanguageValue(unsigned ID) {
  switch (ID) {
  case options::OPT_fms_compatibility_version:
  case options::OPT_fmsc_version:
  case options::OPT_fms_runtime_lib_EQ:
  case options::OPT_ftemplate_depth_EQ:
  case options::OPT_ftemplate_backtrace_limit_EQ:
  case options::OPT_fconstexpr_depth_EQ:
  case options::OPT_fconstexpr_steps_EQ:
  case options::OPT_fbracket_depth_EQ:
  case options::OPT_fvisibility_EQ:
  case options::OPT_finput_charset_EQ:
  case options::OPT_fexec_charset_EQ:
  case options::OPT_fgnuc_version_EQ:
  case options::OPT_fclang_abi_compat_EQ:
  case options::OPT_fsanitize_EQ:
  case options::OPT_fno_sanitize_EQ:
  case options::OPT_fmessage_length_EQ:
  case options::OPT_ferror_limit_EQ:
  case options::OPT_fmacro_backtrace_limit_EQ:
  case options::OPT_fdiagnostics_color_EQ:
  case options::OPT_fopenmp_EQ:
  case options::OPT_fopenmp_version_EQ:
  case options::OPT_fcf_protection_EQ:
  case options::OPT_ffp_model_EQ:
  case options::OPT_ffp_contract:
  case options::OPT_fpack_struct_EQ:
  case options::OPT_fmax_type_align_EQ:
  case options::OPT_ftrivial_auto_var_init:
  case options::OPT_ftlsmodel_EQ:
  case options::OPT_fno_builtin_:
  case options::OPT_fdebug_prefix_map_EQ:
  case options::OPT_ffile_prefix_map_EQ:
  case options::OPT_fmacro_prefix_map_EQ:
  case options::OPT_fstrict_flex_arrays_EQ:
  case options::OPT_fcomment_block_commands:
    return true;
  default:
    return false;
  }
}

bool inGroup(const llvm::opt::Option &O, unsigned Group) {
  for (llvm::opt::Option G = O.getGroup(); G.isValid(); G = G.getGroup())
    if (G.getID() == Group)
      return true;
  return false;
}

bool isFOption(const llvm::opt::Option &O) {
  return inGroup(O, options::OPT_f_Group) ||
         inGroup(O, options::OPT_f_clang_Group) ||
         inGroup(O, options::OPT_clang_ignored_f_Group);
}

/// -march=native and -mcpu=native: for a GPU target (from --target or from
/// the compiler's name, amdgcn-amd-amdhsa-clang++) clang finds "native" by
/// running amdgpu-arch or nvptx-arch, looked for next to the compiler the
/// command names.
bool asksForNativeCpu(unsigned ID, const llvm::opt::Arg &A) {
  return (ID == options::OPT_march_EQ || ID == options::OPT_mcpu_EQ ||
          ID == options::OPT_mtune_EQ) &&
         A.getNumValues() && llvm::StringRef(A.getValue()).starts_with("native");
}

Verdict decide(const llvm::opt::Arg &A) {
  llvm::opt::Option O = A.getOption().getUnaliasedOption();
  unsigned ID = O.getID();
  if (asksForNativeCpu(ID, A))
    return Verdict::Drop;
  if (shapesParsing(ID))
    return Verdict::Pass;
  switch (ID) {
  // The build's own outputs and steps, which the tooling ignores anyway.
  case options::OPT_c:
  case options::OPT_o:
  case options::OPT_S:
  case options::OPT_MD:
  case options::OPT_MMD:
  case options::OPT_MF:
  case options::OPT_MT:
  case options::OPT_MQ:
  case options::OPT_MP:
  case options::OPT_Wa_COMMA:
  case options::OPT_Xassembler:
  case options::OPT_pipe:
  case options::OPT__SLASH_Fo:
  case options::OPT__SLASH_Fd:
  case options::OPT__SLASH_nologo:
    return Verdict::DropQuietly;
  default:
    break;
  }
  if (inGroup(O, options::OPT_Link_Group))
    return Verdict::DropQuietly;
  if (ID == options::OPT_fuse_ld_EQ)
    return Verdict::DropQuietly;
  if (inGroup(O, options::OPT_W_Group) || inGroup(O, options::OPT_g_Group) ||
      inGroup(O, options::OPT_O_Group) || ID == options::OPT_O_flag ||
      inGroup(O, options::OPT_pedantic_Group) ||
      inGroup(O, options::OPT_m_Group))
    return Verdict::Pass;
  if (isFOption(O)) {
    if (O.getKind() == llvm::opt::Option::FlagClass)
      return writesOrBuilds(ID) ? Verdict::Drop : Verdict::Pass;
    return isLanguageValue(ID) ? Verdict::Pass : Verdict::Drop;
  }
  return Verdict::Drop;
}

bool isOffloadLanguage(llvm::StringRef Language) {
  return Language.starts_with("cuda") || Language.starts_with("hip");
}

bool isOffloadSource(llvm::StringRef Input) {
  llvm::StringRef Extension = llvm::sys::path::extension(Input);
  return Extension == ".cu" || Extension == ".cuh" || Extension == ".hip";
}

/// Filters \p Arguments (no compiler) parsed with \p Visibility, appending
/// what passes to \p Kept and what is said to \p Dropped.
class Filter {
public:
  Filter(std::vector<std::string> &Kept, std::vector<std::string> &Dropped,
         bool Frontend = false)
      : Kept(Kept), Dropped(Dropped), Frontend(Frontend) {}

  void run(llvm::ArrayRef<std::string> Arguments,
           llvm::opt::Visibility Visibility) {
    std::vector<const char *> Argv;
    for (const std::string &A : Arguments)
      Argv.push_back(A.c_str());
    unsigned MissingIndex = 0, MissingCount = 0;
    llvm::opt::InputArgList Args = getDriverOptTable().ParseArgs(
        Argv, MissingIndex, MissingCount, Visibility);
    // Each option is kept or said as the tokens it was written with (not
    // re-rendered: `-x@o` rendered is `-x @o`, and a token that starts with
    // '@' is a response file).
    std::vector<const llvm::opt::Arg *> Parsed(Args.begin(), Args.end());
    auto Tokens = [&](size_t I) {
      size_t End = I + 1 < Parsed.size() ? Parsed[I + 1]->getIndex()
                   : MissingCount          ? MissingIndex
                                           : Arguments.size();
      return std::vector<std::string>(Arguments.begin() + Parsed[I]->getIndex(),
                                      Arguments.begin() + End);
    };
    std::vector<std::string> FrontendArgs;
    size_t FrontendAt = 0;
    for (size_t I = 0; I < Parsed.size(); ++I) {
      const llvm::opt::Arg *A = Parsed[I];
      unsigned ID = A->getOption().getUnaliasedOption().getID();
      if (ID == options::OPT_Xclang) {
        if (FrontendArgs.empty())
          FrontendAt = Kept.size();
        FrontendArgs.push_back(A->getValue());
        continue;
      }
      noteLanguage(*A, ID);
      switch (decide(*A)) {
      case Verdict::Pass:
        llvm::append_range(Kept, Tokens(I));
        break;
      case Verdict::DropQuietly:
        break;
      case Verdict::Drop:
        Dropped.push_back(spelled(Tokens(I)));
        break;
      }
    }
    if (MissingCount)
      Dropped.push_back(spelled({Arguments[MissingIndex]}) +
                        " (its value is missing)");
    if (!FrontendArgs.empty())
      filterFrontend(FrontendArgs, FrontendAt);
  }

  bool offload() const { return Offload; }

private:
  void noteLanguage(const llvm::opt::Arg &A, unsigned ID) {
    if (ID == options::OPT_x)
      Offload = isOffloadLanguage(A.getValue());
    else if (ID == options::OPT_INPUT && isOffloadSource(A.getValue()))
      Offload = true;
  }

  /// -Xclang values are frontend options: the same rules, on the frontend's
  /// own parse of them, put back in place as -Xclang pairs.
  void filterFrontend(llvm::ArrayRef<std::string> Values, size_t At) {
    std::vector<std::string> FrontendKept;
    Filter Frontend(FrontendKept, Dropped, /*Frontend=*/true);
    Frontend.run(Values, llvm::opt::Visibility(options::CC1Option));
    std::vector<std::string> Pairs;
    for (const std::string &Value : FrontendKept) {
      // A value that starts with '@' stays joined (`-Xclang=@x`): alone, the
      // word would be a response file to read.
      if (llvm::StringRef(Value).starts_with("@")) {
        Pairs.push_back("-Xclang=" + Value);
        continue;
      }
      Pairs.push_back("-Xclang");
      Pairs.push_back(Value);
    }
    Kept.insert(Kept.begin() + At, Pairs.begin(), Pairs.end());
  }

  /// The words of a dropped option as the command wrote them.
  std::string spelled(llvm::ArrayRef<std::string> Words) const {
    std::string Text;
    for (const std::string &Word : Words)
      Text += (Text.empty() ? "" : " ") +
              (Frontend ? "-Xclang " + Word : Word);
    return Text;
  }

  std::vector<std::string> &Kept;
  std::vector<std::string> &Dropped;
  bool Frontend;
  bool Offload = false;
};

} // namespace

PolicyOutcome applyCompilePolicy(llvm::ArrayRef<std::string> CommandLine,
                                 llvm::StringRef Directory) {
  PolicyOutcome Outcome;
  if (CommandLine.empty())
    return Outcome;
  std::vector<const char *> Argv;
  for (const std::string &A : CommandLine)
    Argv.push_back(A.c_str());
  llvm::StringRef Compiler = CommandLine.front();
  bool ClMode = IsClangCL(getDriverMode(Compiler, llvm::ArrayRef(Argv).drop_front()));

  // After "--" come only input files (clangd puts the file there).
  llvm::ArrayRef<std::string> Options = CommandLine.drop_front();
  llvm::ArrayRef<std::string> Inputs;
  if (const auto *DashDash = llvm::find(Options, "--");
      DashDash != Options.end()) {
    Inputs = Options.drop_front(DashDash - Options.begin());
    Options = Options.take_front(DashDash - Options.begin());
  }
  ExpandedArguments Expanded =
      expandResponseFiles(Options, Directory, ClMode,
                          {ResponseFileDepthLimit, ResponseFileCountLimit});
  Outcome.Dropped = std::move(Expanded.LeftOut);

  Outcome.CommandLine.push_back(Compiler.str());
  Filter Driver(Outcome.CommandLine, Outcome.Dropped);
  Driver.run(Expanded.Arguments,
             llvm::opt::Visibility(ClMode ? options::CLOption
                                          : options::ClangOption));
  llvm::append_range(Outcome.CommandLine, Inputs);
  bool Offload = Driver.offload() ||
                 llvm::any_of(Inputs, [](llvm::StringRef Input) {
                   return isOffloadSource(Input);
                 });
  // Options go before the inputs in any order; these two at the front.
  std::vector<std::string> Forced = {"--no-default-config"};
  if (Offload)
    Forced.push_back("--offload-host-only");
  Outcome.CommandLine.insert(Outcome.CommandLine.begin() + 1, Forced.begin(),
                             Forced.end());
  return Outcome;
}

std::string describeDropped(llvm::StringRef File,
                            llvm::ArrayRef<std::string> Dropped) {
  // Each flag once, in order, with how often when more than once (a
  // response file that names itself many times).
  std::vector<std::pair<std::string, unsigned>> Counted;
  for (const std::string &Flag : Dropped) {
    auto Same = llvm::find_if(Counted, [&](const auto &C) {
      return C.first == Flag;
    });
    if (Same != Counted.end())
      ++Same->second;
    else
      Counted.push_back({Flag, 1});
  }
  std::string Text = "dropped from the compile command of " + File.str() + ":";
  for (const auto &[Flag, Times] : Counted)
    Text += " '" + Flag + "'" +
            (Times > 1 ? " (" + std::to_string(Times) + " times)" : "") +
            (Flag == Counted.back().first ? "" : ",");
  return Text + " (session-lint never runs, loads or writes what a compile "
                "command names)";
}

} // namespace session_lint
