# lit configuration of session-lint's test suite.
import os

import lit.formats

config.name = "session-lint"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.session_lint_obj_root, "test")

bin_dir = os.path.join(config.session_lint_obj_root, "bin")
plugin = os.path.join(config.session_lint_obj_root, "lib", "SessionLint.so")
session_lint = os.path.join(bin_dir, "session-lint")
runner = os.path.join(config.test_source_root, "check_session.py")
expect_exit = os.path.join(config.test_source_root, "expect_exit.py")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, bin_dir, config.environment.get("PATH", "")])
# Diagnostics must not depend on the terminal or the user's environment.
config.environment.pop("CLANG_TIDY_CONFIG", None)

session_clangd = os.path.join(bin_dir, "session-clangd")
if os.path.exists(session_clangd):
    config.available_features.add("session-clangd")
# A real editor as LSP client (Debian's neovim, 0.7).
import shutil
if shutil.which("nvim"):
    config.available_features.add("neovim")

import shutil
# The end-to-end budget test needs a PostgreSQL server to start (as root,
# through runuser); without one lit reports it UNSUPPORTED.
import glob
if glob.glob("/usr/lib/postgresql/*/bin/initdb") and os.geteuid() == 0:
    config.available_features.add("postgresql")
    if shutil.which("pgbouncer") or os.path.exists("/usr/sbin/pgbouncer"):
        config.available_features.add("pgbouncer")

# The .deb (cmake/Packaging.cmake) is built with CPack and unpacked with
# dpkg-deb; both come with the build tools on Debian.
if shutil.which("cpack") and shutil.which("dpkg-deb") and \
        shutil.which("dpkg-shlibdeps"):
    config.available_features.add("deb-packaging")

qt = "/usr/include/x86_64-linux-gnu/qt5"
config.substitutions += [
    ("%check_session",
     f"python3 {runner} --session-lint={session_lint} "
     f"--clang-tidy={config.host_clang_tidy} --plugin={plugin}"),
    ("%session_model_tests", os.path.join(bin_dir, "session-model-tests")),
    ("%session_lint", session_lint),
    ("%session_clangd", session_clangd),
    ("%expect_exit", f"python3 {expect_exit}"),
    ("%src_root", config.session_lint_src_root),
    ("%build_root", config.session_lint_obj_root),
    ("%clang_tidy_plugin", f"{config.host_clang_tidy} --load={plugin}"),
    ("%host_clang_tidy", config.host_clang_tidy),
    ("%session_plugin", plugin),
    ("%qt_flags", f"-fPIC -I{qt} -I{qt}/QtCore -I{qt}/QtSql"),
    ("%mariadb_flags", "-I/usr/include/mariadb"),
    ("%libpq_flags", "-I/usr/include/postgresql"),
    ("%hiredis_flags", "-I/usr/include/hiredis"),
]

# A sanitized build (SESSION_LINT_SANITIZE, docs/reliability.md): every
# sanitizer report aborts, so no exit code of session-lint (1 = findings) can
# hide one, and `not` counts it as a crash. The plugin runs in Debian's
# clang-tidy through sanitized-host/clang-tidy, which preloads the ASan
# runtime; that folder comes first on PATH so that tools which run
# clang-tidy(-19) themselves (run-clang-tidy-19, hooks) get it too. Leaks are
# checked everywhere, the host clang-tidy included.
if getattr(config, "session_lint_sanitize", False):
    config.available_features.add("sanitized")
    config.environment["PATH"] = os.pathsep.join(
        [os.path.dirname(config.host_clang_tidy), config.environment["PATH"]])
    config.environment["ASAN_OPTIONS"] = ":".join([
        "abort_on_error=1", "detect_leaks=1", "check_initialization_order=1",
        "detect_stack_use_after_return=1", "strict_string_checks=1"])
    config.environment["UBSAN_OPTIONS"] = ":".join([
        "abort_on_error=1", "halt_on_error=1", "print_stacktrace=1"])
    config.environment["LSAN_OPTIONS"] = "abort_on_error=1"

# The batch's outputs: SARIF is validated with Microsoft's SARIF Multitool
# (installed by scripts/setup.sh), the HTML report loaded in headless
# Chromium. Without them, those tests are UNSUPPORTED.
import shutil
sarif_multitool = os.path.join(
    config.session_lint_obj_root, "tools", "sarif-multitool", "node_modules",
    "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
if os.access(sarif_multitool, os.X_OK):
    config.available_features.add("sarif-multitool")
chromium = shutil.which("chromium")
if chromium:
    config.available_features.add("chromium")
config.substitutions += [
    ("%sarif_multitool", sarif_multitool),
    ("%check_sarif", "python3 " + os.path.join(config.test_source_root,
                                               "check_sarif.py")),
    ("%chromium", f"{chromium} --headless --no-sandbox --disable-gpu "
                  "--disable-quic --no-first-run "
                  "--disable-background-networking "
                  "--disable-component-update --disable-sync"),
]
