#!/usr/bin/env python3
"""Score session-lint against the labelled real-world evaluation set.

Usage:
  score.py --trees /work/realworld-trees --session-lint PATH [--json] [--labels F] [--repos F]
           [--only-prefix TEXT]   (e.g. --only-prefix holdout: for the holdout rows)

labels.tsv: repo, commit, path, line ('*' = whole file), check, expect (bug|clean), unit, reason
repos.tsv:  repo, commit, flags ('{tree}' is replaced by the extracted tree path)
A tree is expected at TREES/OWNER+NAME (the repo name with '/' replaced by '+').

For every distinct (repo, unit) the tool is run once:
  SESSION_LINT TREE/UNIT --format=json --config='{}' --header-filter='^TREE/' -- FLAGS
Findings are matched to labels by (path relative to the tree, line, check).
Per check: TP = bug labels with a finding, FN = bug labels without one,
FP = findings on a clean-labelled line, or anywhere in a file labelled '*' clean for that check.
Findings in the analyzed units that match no label are listed separately (not counted).

With --batch, each repository is analyzed as a user runs a project: one
`session-lint -p` batch over a compile database holding the labelled units and
every other source file of the project (of their folders, in a project of
more than 60 source files) (so a class's bodies are in the batch
with the units that include its header).
Standard library only. Always exits 0.
"""
import argparse
import csv
import json
import os
import re
import shlex
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKS = [
    "session-member-storage",
    "session-static-storage",
    "session-unscoped-acquire",
    "session-escape",
    "session-manual-transaction",
    "session-pool-budget",
]


def read_tsv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if r and not r[0].startswith("#")]


def tree_dir(trees, repo):
    return os.path.join(trees, repo.replace("/", "+"))


def extract_json(text):
    """The JSON document the tool printed on stdout (tolerates leading noise)."""
    text = text.strip()
    if not text:
        return None
    for start in (0, text.find("{"), text.find("[")):
        if start < 0:
            continue
        try:
            return json.loads(text[start:])
        except ValueError:
            continue
    return None


def findings_of(doc):
    """Yield (file, line, check, message) from the tool's JSON, whatever the nesting."""
    if doc is None:
        return
    items = []
    if isinstance(doc, list):
        items = doc
    elif isinstance(doc, dict):
        for key in ("findings", "diagnostics", "results"):
            if isinstance(doc.get(key), list):
                items = doc[key]
                break
    for it in items:
        if not isinstance(it, dict):
            continue
        f = it.get("file") or it.get("path") or it.get("filename")
        line = it.get("line")
        check = it.get("check") or it.get("checkName") or it.get("rule")
        loc = it.get("location")
        if isinstance(loc, dict):
            f = f or loc.get("file") or loc.get("path")
            line = line or loc.get("line")
        if f is None or line is None or check is None:
            continue
        yield f, int(line), check, it.get("message", "")


def parse_errors_of(doc, stderr):
    errs = []
    if isinstance(doc, dict):
        for key in ("failures", "errors"):
            v = doc.get(key)
            if isinstance(v, list):
                for e in v:
                    errs.append(json.dumps(e) if not isinstance(e, str) else e)
        for d in doc.get("compilerDiagnostics") or []:
            if isinstance(d, dict) and d.get("level") in ("error", "fatal"):
                errs.append(d.get("message", ""))
    n_err = sum(1 for l in stderr.splitlines() if " error: " in l or l.startswith("error:"))
    n_err = max(n_err, len(errs))
    return errs, n_err


def run_unit(tool, tree, unit, flags, timeout):
    src = os.path.join(tree, unit)
    cmd = [tool, src, "--format=json", "--config={}",
           "--header-filter=^" + re.escape(tree.rstrip("/") + "/"), "--"] + flags
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout", -1, cmd
    doc = extract_json(p.stdout)
    return doc, p.stderr, p.returncode, cmd


SOURCE_SUFFIXES = (".cpp", ".cc", ".cxx", ".c++")


# A project this small is analyzed whole, as its own build would list it;
# a larger one by the labelled units' folders, to keep a run within an hour.
WHOLE_TREE_SOURCES = 60


def batch_units(tree, units):
    """The labelled units and the other source files of the project (of
    their folders only, for a tree of more than WHOLE_TREE_SOURCES)."""
    every = sorted(os.path.relpath(os.path.join(root, name), tree)
                   for root, _, names in os.walk(tree)
                   if "/.git" not in root + "/"
                   for name in names if name.endswith(SOURCE_SUFFIXES))
    if len(every) <= WHOLE_TREE_SOURCES:
        return sorted(set(units) | set(every))
    out = set(units)
    for unit in units:
        folder = os.path.dirname(os.path.join(tree, unit))
        for name in sorted(os.listdir(folder)):
            if name.endswith(SOURCE_SUFFIXES) and os.path.isfile(os.path.join(folder, name)):
                out.add(os.path.relpath(os.path.join(folder, name), tree))
    return sorted(out)


def run_batch(tool, tree, units, flags, timeout, scratch):
    """One -p batch over UNITS; returns (doc, stderr, rc, cmd)."""
    os.makedirs(scratch, exist_ok=True)
    db = [dict(directory=tree, file=os.path.join(tree, u),
               arguments=["clang++"] + flags + ["-c", os.path.join(tree, u)])
          for u in units]
    with open(os.path.join(scratch, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    cmd = [tool, "-p", scratch, "-j", "2", "--format=json", "--config={}",
           "--source-root=" + tree,
           "--header-filter=^" + re.escape(tree.rstrip("/") + "/")]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout", -1, cmd
    return extract_json(p.stdout), p.stderr, p.returncode, cmd


def batch_results(a, units, flags):
    """Per repository, one batch; yields (repo, unit, doc-for-the-repo, status)."""
    import tempfile
    by_repo = defaultdict(list)
    for repo, unit in units:
        by_repo[repo].append(unit)
    scratch_root = tempfile.mkdtemp(prefix="score-batch-")
    for repo, repo_units in sorted(by_repo.items()):
        tree = os.path.realpath(tree_dir(a.trees, repo))
        present = [u for u in repo_units if os.path.isfile(os.path.join(tree, u))]
        fl = shlex.split(flags.get(repo, "").replace("{tree}", tree))
        doc, stderr, rc, cmd = run_batch(a.tool, tree, batch_units(tree, present), fl,
                                         a.timeout * 4,
                                         os.path.join(scratch_root, repo.replace("/", "+")))
        failed = set()
        if isinstance(doc, dict):
            for f in doc.get("failures") or []:
                if isinstance(f, dict) and f.get("file"):
                    failed.add(os.path.normpath(f["file"]))
        for unit in repo_units:
            if unit not in present:
                yield repo, unit, None, dict(status="missing unit", rc=None, errors=0)
                continue
            status = ("timeout" if stderr == "timeout" else
                      "no json (rc=%s)" % rc if doc is None else
                      "parse errors" if os.path.normpath(unit) in failed else "ok")
            yield repo, unit, doc, dict(status=status, rc=rc, errors=1 if status == "parse errors" else 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trees", required=True)
    ap.add_argument("--session-lint", required=True, dest="tool")
    ap.add_argument("--labels", default=os.path.join(HERE, "labels.tsv"))
    ap.add_argument("--repos", default=os.path.join(HERE, "repos.tsv"))
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--batch", action="store_true",
                    help="one -p batch per repository over the labelled units and their folders' sources")
    ap.add_argument("--only-prefix", default=None, metavar="TEXT",
                    help="score only labels whose reason starts with TEXT (e.g. 'holdout:')")
    a = ap.parse_args()

    labels = []
    for r in read_tsv(a.labels):
        if r[0] == "repo":
            continue
        repo, commit, path, line, check, expect, unit, reason = (r + [""] * 8)[:8]
        if a.only_prefix is not None and not reason.startswith(a.only_prefix):
            continue
        labels.append(dict(repo=repo, commit=commit, path=path, line=line, check=check,
                           expect=expect, unit=unit, reason=reason))
    flags = {}
    for r in read_tsv(a.repos):
        if r[0] == "repo":
            continue
        flags[r[0]] = r[2] if len(r) > 2 else ""

    units = sorted({(l["repo"], l["unit"]) for l in labels})
    findings = defaultdict(set)          # repo -> {(relpath, line, check)}
    messages = {}
    unit_status = []
    def record(repo, doc):
        tree = os.path.realpath(tree_dir(a.trees, repo))
        for f, line, check, msg in findings_of(doc):
            rf = os.path.realpath(f if os.path.isabs(f) else os.path.join(tree, f))
            if not rf.startswith(tree + os.sep):
                continue
            key = (os.path.relpath(rf, tree), line, check)
            findings[repo].add(key)
            messages[(repo,) + key] = msg

    for repo, unit, doc, st in (batch_results(a, units, flags) if a.batch else []):
        unit_status.append(dict(repo=repo, unit=unit, **st))
        record(repo, doc)
    for repo, unit in ([] if a.batch else units):
        tree = os.path.realpath(tree_dir(a.trees, repo))
        if not os.path.isfile(os.path.join(tree, unit)):
            unit_status.append(dict(repo=repo, unit=unit, status="missing unit", rc=None, errors=0))
            continue
        fl = shlex.split(flags.get(repo, "").replace("{tree}", tree))
        doc, stderr, rc, cmd = run_unit(a.tool, tree, unit, fl, a.timeout)
        errs, nerr = parse_errors_of(doc, stderr if isinstance(stderr, str) else "")
        status = "ok"
        if stderr == "timeout":
            status = "timeout"
        elif doc is None:
            status = "no json (rc=%s)" % rc
        elif rc == 3 or errs or nerr:
            status = "parse errors"
        unit_status.append(dict(repo=repo, unit=unit, status=status, rc=rc,
                                errors=nerr or len(errs)))
        record(repo, doc)

    # match
    per = {c: dict(TP=0, FP=0, FN=0) for c in CHECKS}
    fps, fns, tps = [], [], []
    matched = set()
    for l in labels:
        c = l["check"]
        per.setdefault(c, dict(TP=0, FP=0, FN=0))
        fs = findings[l["repo"]]
        if l["line"] == "*":
            hits = [k for k in fs if k[0] == l["path"] and k[2] == c]
        else:
            k = (l["path"], int(l["line"]), c)
            hits = [k] if k in fs else []
        for h in hits:
            matched.add((l["repo"],) + h)
        if l["expect"] == "bug":
            if hits:
                per[c]["TP"] += 1
                tps.append(l)
            else:
                per[c]["FN"] += 1
                fns.append(l)
        else:
            for h in hits:
                per[c]["FP"] += 1
                fps.append(dict(l, line=str(h[1]), message=messages.get((l["repo"],) + h, "")))
    labelled_units = {(r, u) for r, u in units}
    unlabelled = []
    for repo, fs in findings.items():
        for k in sorted(fs):
            if (repo,) + k not in matched:
                unlabelled.append(dict(repo=repo, path=k[0], line=k[1], check=k[2],
                                       message=messages.get((repo,) + k, "")))

    def ratio(n, d):
        return None if d == 0 else round(n / d, 3)

    table = []
    for c in list(per):
        v = per[c]
        table.append(dict(check=c, TP=v["TP"], FP=v["FP"], FN=v["FN"],
                          precision=ratio(v["TP"], v["TP"] + v["FP"]),
                          recall=ratio(v["TP"], v["TP"] + v["FN"])))
    ms = [per["session-member-storage"], per["session-static-storage"]]
    comb = dict(check="member+static", TP=sum(x["TP"] for x in ms), FP=sum(x["FP"] for x in ms),
                FN=sum(x["FN"] for x in ms))
    comb["precision"] = ratio(comb["TP"], comb["TP"] + comb["FP"])
    comb["recall"] = ratio(comb["TP"], comb["TP"] + comb["FN"])
    table.append(comb)
    counts = defaultdict(lambda: dict(bug=0, clean=0))
    for l in labels:
        counts[l["check"]][l["expect"]] += 1

    if a.json:
        json.dump(dict(tool=a.tool, repos=len({l["repo"] for l in labels}), labels=len(labels),
                       label_counts=counts, table=table, false_positives=fps,
                       false_negatives=fns, unlabelled_findings=unlabelled,
                       units=unit_status), sys.stdout, indent=2, default=str)
        print()
        return 0

    print("session-lint real-world evaluation")
    print("tool: %s" % a.tool)
    print("repos: %d  labels: %d  units: %d" % (len({l['repo'] for l in labels}), len(labels), len(units)))
    print()
    print("label counts (bug/clean):")
    for c in CHECKS:
        if c in counts:
            print("  %-28s %3d / %3d" % (c, counts[c]["bug"], counts[c]["clean"]))
    print()
    fmt = "%-28s %4s %4s %4s %9s %7s"
    print(fmt % ("check", "TP", "FP", "FN", "precision", "recall"))
    for row in table:
        if row["check"] not in counts and row["check"] != "member+static":
            continue
        p = "-" if row["precision"] is None else "%.2f" % row["precision"]
        r = "-" if row["recall"] is None else "%.2f" % row["recall"]
        print(fmt % (row["check"], row["TP"], row["FP"], row["FN"], p, r))
    print()
    print("FALSE POSITIVES (%d):" % len(fps))
    for f in fps:
        print("  [%s] %s %s:%s\n      label: %s\n      tool:  %s" % (
            f["check"], f["repo"], f["path"], f["line"], f["reason"], f["message"]))
    print()
    print("FALSE NEGATIVES (%d):" % len(fns))
    for f in fns:
        print("  [%s] %s %s:%s\n      label: %s" % (f["check"], f["repo"], f["path"], f["line"], f["reason"]))
    print()
    print("UNLABELLED FINDINGS in the analyzed units (not counted; for review) (%d):" % len(unlabelled))
    for u in unlabelled:
        print("  [%s] %s %s:%s  %s" % (u["check"], u["repo"], u["path"], u["line"], u["message"]))
    print()
    print("UNITS:")
    for s in unit_status:
        print("  %-34s %-60s %s%s" % (s["repo"], s["unit"], s["status"],
                                      "" if not s["errors"] else " (%d error lines)" % s["errors"]))
    return 0


if __name__ == "__main__":
    main()
    sys.exit(0)
