#!/usr/bin/env python3
"""session-lint on real code bases, as a user runs it, against the parse.

    bench/real/setup.sh                 # once: sources, packages, databases
    bench/real/run.py [--units N] [--projects a,b] [--only TEXT] [--instructions]
                      [--build DIR] [--work DIR] [--output FILE]

For each project of projects.tsv (configured by setup.sh), on the source
files of its compile_commands.json (all of them, or a deterministic sample of
N spread over the sorted file list), measured in the same run on this machine:

* per file, paired: `clang++-19 -fsyntax-only` with each of the file's
  commands (a test source compiled into twelve targets has twelve, and
  `session-lint -p BUILD FILE` analyzes every one of them, as clang-tidy
  does), then `session-lint -p BUILD FILE` (the project's own .clang-tidy
  applies, as it does for a user): CPU time (user + system of the process and every child
  it waited for: session-lint's worker included) and peak RSS (the largest
  process's);
* the batch as a user runs it: `session-lint -p BUILD --files-from LIST -j 1`
  and `-j 2`, against the parse run one at a time and two at a time;
* the worst unit (largest CPU ratio), and for it, with --instructions,
  instruction counts (valgrind: repeatable on a loaded machine) of the parse
  and of session-lint, counted honestly (see count_instructions), and the
  per-check profile of the clang-tidy plugin (--enable-check-profile).

Only the standard library is used. Prints a Markdown report, and writes it
to --output when given.
"""
import argparse
import csv
import datetime
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CLANG = "clang++-19"
CLANG_C = "clang-19"
CLANG_TIDY = "clang-tidy-19"


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def projects():
    with open(os.path.join(HERE, "projects.tsv")) as f:
        rows = [line.rstrip("\n").split("\t") for line in f
                if line.strip() and not line.startswith("#")]
    return [{"name": r[0], "repo": r[1], "commit": r[2], "notes": r[6]}
            for r in rows]


def run_measured(cmd, cwd=None):
    """(wall s, CPU s, peak RSS KiB, exit code) of cmd and every child it
    waited for (wait4's rusage is the process's own plus its reaped
    children's; ru_maxrss is the largest of them)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
            proc.returncode)


def parse_command(entry):
    """The unit's own command, as -fsyntax-only with clang 19."""
    args = (entry["arguments"] if "arguments" in entry
            else shlex.split(entry["command"]))
    compiler = CLANG_C if entry["file"].endswith(".c") else CLANG
    out, skip = [compiler], False
    for arg in args[1:]:
        if skip:
            skip = False
            continue
        if arg == "-o":
            skip = True
            continue
        if arg.startswith("-o") and len(arg) > 2:
            continue
        out.append(arg)
    return out + ["-fsyntax-only"]


def unit_path(entry):
    return os.path.normpath(os.path.join(entry["directory"], entry["file"]))


def files_of(entries):
    """The database's source files, each with every command that compiles
    it (a test source built into twelve targets is twelve commands), sorted
    by path: what `session-lint -p BUILD FILE` analyzes for one file."""
    by_file = {}
    for e in entries:
        by_file.setdefault(unit_path(e), []).append(e)
    return [(path, by_file[path]) for path in sorted(by_file)]


def sample(files, count):
    """count files spread evenly over the sorted file list (all when 0)."""
    if not count or count >= len(files):
        return files
    step = len(files) / count
    return [files[int(i * step)] for i in range(count)]


def parse_file(commands):
    """The parse of every command of one file, summed like run_measured:
    (wall s, CPU s, peak RSS KiB, first non-zero exit code)."""
    runs = [run_measured(parse_command(e), cwd=e["directory"])
            for e in commands]
    return (sum(r[0] for r in runs), sum(r[1] for r in runs),
            max(r[2] for r in runs), next((r[3] for r in runs if r[3]), 0))


def parallel(jobs, width):
    """Wall time of running the thunks, width at a time."""
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=width) as pool:
        list(pool.map(lambda job: job(), jobs))
    return time.monotonic() - start


def count_instructions(cmd, cwd=None):
    """Instructions of cmd and its children, each process counted for what
    it executed itself. valgrind's counters live in the process's memory, so
    a forked child starts with its parent's count: session-lint's worker
    (a fork) would count the parent's start-up again. callgrind zeroes the
    child's counters on entering prctl(), the first call a worker makes
    after the fork (Worker.cpp, bindLifetime) and one the parent never makes;
    the parent's count is its whole run."""
    logs = tempfile.mkdtemp(prefix="bench-callgrind-")
    try:
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--trace-children=yes",
             "--zero-before=prctl",
             f"--callgrind-out-file={logs}/callgrind.%p",
             f"--log-file={logs}/%p.log"] + cmd,
            cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        total = 0
        for name in os.listdir(logs):
            if not name.startswith("callgrind."):
                continue
            with open(os.path.join(logs, name)) as f:
                for line in f:
                    found = re.match(r"(?:summary|totals):\s+(\d+)", line)
                    if found:
                        total += int(found.group(1))
                        break
        return total
    finally:
        shutil.rmtree(logs, ignore_errors=True)


def check_profile(plugin, build, file):
    """clang-tidy's per-check profile of the plugin's checks on one unit:
    [(check, seconds)] largest first."""
    out = subprocess.run(
        [CLANG_TIDY, f"--load={plugin}", "--checks=-*,session-*",
         "--enable-check-profile", "-p", build, file],
        capture_output=True, text=True).stderr
    rows = []
    for line in out.splitlines():
        found = re.match(r"\s*([\d.]+)\s+\(\s*[\d.]+%\).*?([\d.]+)\s+\(\s*[\d.]+%\)"
                         r"\s+(\S+)\s*$", line)
        if found and found.group(3) != "Total":
            rows.append((found.group(3), float(found.group(2))))
    return sorted(rows, key=lambda r: -r[1])


def measure_cache(batch, units, per_unit):
    """The CI re-run: session-lint -j 1 with a fresh --cache-dir (cold),
    again over the unchanged tree (warm), and after an edit of one source
    (a comment appended to the middle unit's file, removed afterwards)."""
    folder = tempfile.mkdtemp(prefix="bench-cache-")
    cached = batch + ["-j", "1", f"--cache-dir={folder}"]
    try:
        cold = run_measured(cached)
        warm = run_measured(cached)
        edited = per_unit[len(per_unit) // 2]
        path = units[len(per_unit) // 2][0]
        with open(path, "rb") as f:
            original = f.read()
        try:
            with open(path, "ab") as f:
                f.write(b"\n// edited by bench/real/run.py\n")
            one_edit = run_measured(cached)
        finally:
            with open(path, "wb") as f:
                f.write(original)
        return {"cold": cold, "warm": warm, "edit": one_edit,
                "edited": edited["file"], "edited_lint": edited["lint"][1]}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def lint_version(lint):
    return subprocess.run([lint, "--version"], capture_output=True,
                          text=True).stdout.strip().replace("\n", "; ")


def measure_project(project, args, lint, plugin):
    name = project["name"]
    build = os.path.join(args.work, "build", name)
    with open(os.path.join(build, "compile_commands.json")) as f:
        database = json.load(f)
    # A generated source the setup could not make (Qt's rcc of translations
    # that are built with the project) is left out, and counted.
    present = [e for e in database if os.path.exists(unit_path(e))]
    if args.only:
        present = [e for e in present if args.only in unit_path(e)]
    units = sample(files_of(present), args.units)
    commands = sum(len(c) for _, c in units)
    log(f"{name}: {len(units)} files ({commands} commands) of "
        f"{len(database)} commands")
    listing = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
    listing.write("".join(path + "\n" for path, _ in units))
    listing.close()

    per_unit = []
    for i, (file, file_commands) in enumerate(units):
        parse = parse_file(file_commands)
        lint_one = run_measured([lint, "-p", build, "--quiet", file])
        per_unit.append({"file": os.path.relpath(
            file, os.path.join(args.work, "src", name)),
            "commands": len(file_commands),
            "parse": parse, "lint": lint_one})
        log(f"  [{i + 1}/{len(units)}] {per_unit[-1]['file']}"
            f"{f' ({len(file_commands)} commands)' if len(file_commands) > 1 else ''}"
            f": parse {parse[1]:.2f} s, session-lint {lint_one[1]:.2f} s "
            f"(exit {lint_one[3]})")

    batch = [lint, "-p", build, "--files-from", listing.name, "--quiet"]
    j1 = run_measured(batch + ["-j", "1"])
    parse_j2 = parallel([lambda e=e: run_measured(parse_command(e),
                                                   cwd=e["directory"])
                         for _, file_commands in units
                         for e in file_commands], 2)
    # The -j 2 run's JSON gives the findings and failed units.
    output = listing.name + ".json"
    j2 = run_measured(batch + ["-j", "2", "--format=json",
                               f"--output={output}"])
    os.unlink(listing.name)
    try:
        with open(output) as f:
            document = json.load(f)
        os.unlink(output)
    except (OSError, ValueError):
        document = {}

    parse_cpu = sum(u["parse"][1] for u in per_unit)
    parse_wall = sum(u["parse"][0] for u in per_unit)
    parse_rss = max(u["parse"][2] for u in per_unit)
    for u in per_unit:
        u["ratio"] = u["lint"][1] / max(u["parse"][1], 1e-9)
    worst = max(per_unit, key=lambda u: u["ratio"])
    result = {
        "name": name, "notes": project["notes"], "units": len(units),
        "commands": commands,
        "database": len(database), "missing": len(database) - len(present),
        "parse_cpu": parse_cpu,
        "parse_wall": parse_wall, "parse_j2": parse_j2,
        "parse_rss": parse_rss,
        "one_cpu": sum(u["lint"][1] for u in per_unit),
        "one_rss": max(u["lint"][2] for u in per_unit),
        "max_rss_ratio": max(u["lint"][2] / u["parse"][2] for u in per_unit),
        "parse_failed": [u["file"] for u in per_unit if u["parse"][3] != 0],
        "j1": j1, "j2": j2, "worst": worst, "per_unit": per_unit,
        "exit": j2[3], "document": document,
    }
    if args.cache:
        result["cache"] = measure_cache(batch, units, per_unit)
    if args.instructions and shutil.which("valgrind"):
        file, file_commands = next(u for u in units
                                   if u[0].endswith(worst["file"]))
        log(f"{name}: instructions on {worst['file']}")
        result["instr_parse"] = sum(
            count_instructions(parse_command(e), cwd=e["directory"])
            for e in file_commands)
        result["instr_lint"] = count_instructions(
            [lint, "-p", build, "--quiet", file])
        if plugin:
            result["profile"] = check_profile(plugin, build, file)
    return result


def report(results, started, minutes, lint):
    load = os.getloadavg()
    out = [f"`bench/real/run.py` on {started}: {os.cpu_count()} cores, "
           f"{lint_version(lint)}; load average {load[0]:.2f} at the end; "
           f"{minutes:.1f} minutes. CPU is user + system of every process "
           f"(session-lint's workers and parent included); RSS is the "
           f"largest process's peak.", "",
           "| project | files: commands (of database) | parse CPU s | session-lint CPU s"
           " (batch -j 1) | CPU ratio | per unit, one process: CPU ratio "
           "| peak RSS parse / lint MB | RSS ratio (max per unit) "
           "| -j 2 / -j 1 (parse's) | worst unit (CPU ratio) | exit | "
           "findings | failed units (parse failed too) |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        doc = r["document"]
        findings = doc.get("summary", {}).get("findings", doc.get(
            "findings", "?"))
        if isinstance(findings, list):
            findings = len(findings)
        failed = doc.get("summary", {}).get("failedUnits", "?")
        out.append(
            f"| {r['name']} | {r['units']}: {r['commands']} ({r['database']}) "
            f"| {r['parse_cpu']:.1f} | {r['j1'][1]:.1f} "
            f"| {r['j1'][1] / r['parse_cpu']:.2f} "
            f"| {r['one_cpu'] / r['parse_cpu']:.2f} "
            f"| {r['parse_rss'] / 1024:.0f} / {r['j1'][2] / 1024:.0f} "
            f"| {r['j1'][2] / r['parse_rss']:.2f} ({r['max_rss_ratio']:.2f}) "
            f"| {r['j1'][0] / r['j2'][0]:.2f} "
            f"({r['parse_wall'] / r['parse_j2']:.2f}) "
            f"| {r['worst']['file']} ({r['worst']['ratio']:.2f}) "
            f"| {r['exit']} | {findings} | {failed} "
            f"({len(r['parse_failed'])}) |")
    if any("cache" in r for r in results):
        out += ["", "With `--cache-dir` (`-j 1`, CPU s; the edit appends a "
                "comment to one source):", "",
                "| project | parse | cold run | warm run (× parse) "
                "| after editing one source (× parse) | that unit alone, "
                "one process |", "|---|---|---|---|---|---|"]
        for r in results:
            if "cache" not in r:
                continue
            c = r["cache"]
            out.append(
                f"| {r['name']} | {r['parse_cpu']:.1f} | {c['cold'][1]:.1f} "
                f"| {c['warm'][1]:.2f} ({c['warm'][1] / r['parse_cpu']:.3f}) "
                f"| {c['edit'][1]:.2f} ({c['edit'][1] / r['parse_cpu']:.3f}) "
                f"| {c['edited']}: {c['edited_lint']:.2f} |")
    for r in results:
        if "instr_parse" not in r:
            continue
        out += ["", f"### {r['name']}: {r['worst']['file']}", "",
                f"Instructions: parse {r['instr_parse'] / 1e6:.0f} M, "
                f"session-lint {r['instr_lint'] / 1e6:.0f} M "
                f"({r['instr_lint'] / r['instr_parse']:.3f} × the parse; "
                f"worker counted from the fork on)."]
        if r.get("profile"):
            out += ["", "clang-tidy plugin, `--enable-check-profile` "
                    "(user + system s):", "",
                    "| check | s |", "|---|---|"]
            out += [f"| {c} | {s:.3f} |" for c, s in r["profile"]]
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--work",
                        default=os.path.join(ROOT, "build-bench-work", "real"))
    parser.add_argument("--only", default="",
                        help="only the units whose path contains this text")
    parser.add_argument("--units", type=int, default=0,
                        help="a sample of N units per project (0: all)")
    parser.add_argument("--projects", default="")
    parser.add_argument("--instructions", action="store_true")
    parser.add_argument("--cache", action="store_true",
                        help="also measure --cache-dir: cold, warm, one edit")
    parser.add_argument("--output")
    args = parser.parse_args()
    lint = os.path.join(args.build, "bin", "session-lint")
    plugin = os.path.join(args.build, "lib", "SessionLint.so")
    plugin = plugin if os.path.exists(plugin) else None
    wanted = set(filter(None, args.projects.split(",")))
    started = datetime.datetime.now(datetime.timezone.utc).strftime(
        "%Y-%m-%d %H:%M UTC")
    t0 = time.monotonic()
    results = []
    for p in projects():
        if wanted and p["name"] not in wanted:
            continue
        results.append(measure_project(p, args, lint, plugin))
        # What is measured so far, should a later project fail.
        log(report(results, started, (time.monotonic() - t0) / 60, lint))
    text = report(results, started, (time.monotonic() - t0) / 60, lint)
    print(text)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
        with open(args.output + ".json", "w") as f:
            json.dump(results, f, indent=1, default=str)


if __name__ == "__main__":
    main()
