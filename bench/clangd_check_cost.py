#!/usr/bin/env python3
"""What each session-* check costs inside clangd, against the parse.

For a real-header file, starts session-clangd once per configuration — no
clang-tidy check, then each session check alone, then all of them — opens the
file, and times RUNS edits (didChange with one more comment line, so clangd
rebuilds the AST on the cached preamble) until the diagnostics for that
version arrive. The median rebuild without checks is the baseline (the parse
as an editor pays it); each check's cost is its median minus the baseline, as
a percentage of the baseline.

Usage: bench/clangd_check_cost.py [SESSION_CLANGD] [FILE] [RUNS]
"""
import os
import shutil
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "test", "clangd"))
from lsp_client import Server  # noqa: E402

QT = "/usr/include/x86_64-linux-gnu/qt5"
FLAGS = ["-std=c++17", "-fPIC", f"-I{QT}", f"-I{QT}/QtCore", f"-I{QT}/QtSql",
         "-I/usr/include/postgresql", "-I/usr/include/mariadb",
         "-I/usr/include/hiredis"]
CHECKS = ["session-escape", "session-member-storage", "session-static-storage",
          "session-unscoped-acquire"]


def rebuild_times(binary, source, checks, runs):
    work = tempfile.mkdtemp(prefix="clangd-cost-")
    try:
        with open(os.path.join(work, ".clangd"), "w") as config:
            config.write("Diagnostics:\n  ClangTidy:\n    Remove: ['*']\n")
            if checks:
                config.write("    Add: [%s]\n" % ", ".join(checks))
            config.write("    FastCheckFilter: None\n")
        with open(os.path.join(work, "compile_flags.txt"), "w") as flags:
            flags.write("\n".join(FLAGS) + "\n")
        path = os.path.join(work, os.path.basename(source))
        text = open(source).read()
        shutil.copy(source, path)
        uri = "file://" + path
        server = Server(binary, work)
        server.initialize(work)
        server.open(uri, text)
        server.diagnostics(uri, 1)
        times = []
        for version in range(2, runs + 3):
            start = time.perf_counter()
            server.change(uri, version, text + "\n// edit %d\n" % version)
            server.diagnostics(uri, version)
            if version > 2:  # the first edit warms up
                times.append(time.perf_counter() - start)
        server.shutdown()
        return statistics.median(times)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    binary = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(
        ROOT, "build", "bin", "session-clangd")
    source = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        ROOT, "test", "real-headers", "qt.cpp")
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 9
    baseline = rebuild_times(binary, source, [], runs)
    print(f"file: {os.path.relpath(source, ROOT)}; AST rebuild without checks "
          f"(median of {runs}): {baseline * 1000:.1f} ms")
    print(f"{'checks':28} {'rebuild ms':>10} {'cost':>8}")
    for checks in [[c] for c in CHECKS] + [CHECKS]:
        median = rebuild_times(binary, source, checks, runs)
        name = checks[0] if len(checks) == 1 else "all session-*"
        print(f"{name:28} {median * 1000:10.1f} "
              f"{(median - baseline) / baseline * 100:+7.1f}%")


if __name__ == "__main__":
    main()
