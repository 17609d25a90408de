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

# The end-to-end budget test needs a PostgreSQL server to start (as root,
# through runuser); without one lit reports it UNSUPPORTED.
import glob
if glob.glob("/usr/lib/postgresql/*/bin/initdb") and os.geteuid() == 0:
    config.available_features.add("postgresql")

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
    ("%clang_tidy_plugin", f"{config.host_clang_tidy} --load={plugin}"),
    ("%host_clang_tidy", config.host_clang_tidy),
    ("%session_plugin", plugin),
    ("%qt_flags", f"-fPIC -I{qt} -I{qt}/QtCore -I{qt}/QtSql"),
    ("%mariadb_flags", "-I/usr/include/mariadb"),
    ("%libpq_flags", "-I/usr/include/postgresql"),
    ("%hiredis_flags", "-I/usr/include/hiredis"),
]
