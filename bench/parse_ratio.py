#!/usr/bin/env python3
"""session-lint's cost against the cost of parsing the same files.

For every file of the lit suite's check and real-header tests, runs
`clang++-19 -fsyntax-only` (the floor any AST-based tool pays) and
`session-lint` with all checks, with the same flags, RUNS times each after a
warm-up, and prints per-file medians and the whole-corpus ratio. Timings are
wall-clock on this machine; the ratio is what matters, as both are measured
in the same run.

Usage: bench/parse_ratio.py [BUILD_DIR] [RUNS]
"""
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QT = "/usr/include/x86_64-linux-gnu/qt5"
SUBST = {
    "%qt_flags": f"-fPIC -I{QT} -I{QT}/QtCore -I{QT}/QtSql",
    "%mariadb_flags": "-I/usr/include/mariadb",
    "%libpq_flags": "-I/usr/include/postgresql",
    "%hiredis_flags": "-I/usr/include/hiredis",
}


def flags_of(path):
    """The compiler flags of a lit test's first RUN line."""
    text = open(path, encoding="utf-8").read()
    run = re.search(r"RUN: %check_session[^\n]*?\s--\s+(.*)", text)
    flags = run.group(1).split() if run else []
    out = ["-std=c++17"]
    for flag in flags:
        flag = SUBST.get(flag, flag).replace("%S", os.path.dirname(path))
        out += flag.split()
    return out


def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    tool = os.path.join(build, "bin", "session-lint")
    files = []
    for folder in ("test/checks", "test/real-headers"):
        for name in sorted(os.listdir(os.path.join(ROOT, folder))):
            if name.endswith(".cpp") and "after-errors" not in name:
                files.append(os.path.join(ROOT, folder, name))
    total_parse = total_lint = 0.0
    print(f"{'file':40} {'parse s':>8} {'lint s':>8} {'ratio':>6}")
    for path in files:
        flags = flags_of(path)
        parse = ["clang++-19", "-fsyntax-only", path] + flags
        lint = [tool, "--quiet", path, "--"] + flags
        timed(parse), timed(lint)  # warm-up
        p = statistics.median(timed(parse) for _ in range(runs))
        l = statistics.median(timed(lint) for _ in range(runs))
        total_parse += p
        total_lint += l
        name = os.path.relpath(path, ROOT)
        print(f"{name:40} {p:8.3f} {l:8.3f} {l / p:6.2f}")
    print(f"{'whole corpus':40} {total_parse:8.3f} {total_lint:8.3f} "
          f"{total_lint / total_parse:6.2f}")
    print(f"({len(files)} files, median of {runs} runs, {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
