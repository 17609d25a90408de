#!/usr/bin/env python3
"""Keeps the documentation true to the tool.

For every check session-lint lists: docs/checks/<id>.md exists with the
common sections, its Options table names exactly the options the check
echoes in --dump-config, and test/checks/<id>.cpp exists.

Usage: check_docs.py SESSION_LINT SOURCE_ROOT
"""
import os
import re
import subprocess
import sys

SECTIONS = ["What it does", "Why is this bad?", "Example", "Use instead",
            "Options", "Known problems", "Fix safety", "References"]


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def main():
    tool, root = sys.argv[1], sys.argv[2]
    listed = run(tool, "--list-checks").split("\n")
    checks = [line.strip() for line in listed if line.startswith("    ")]
    problems = []
    if not checks:
        problems.append("session-lint lists no checks")
    for check in checks:
        doc = os.path.join(root, "docs", "checks", check + ".md")
        if not os.path.exists(os.path.join(root, "test", "checks", check + ".cpp")):
            problems.append(f"{check}: no test/checks/{check}.cpp")
        if not os.path.exists(doc):
            problems.append(f"{check}: no docs/checks/{check}.md")
            continue
        text = open(doc, encoding="utf-8").read()
        for section in SECTIONS:
            if f"\n## {section}\n" not in text:
                problems.append(f"{check}: doc has no '## {section}' section")
        # Every page says whether its check has a fix, and what it changes.
        fix_part = text.split("\n## Fix safety\n", 1)[-1].split("\n## ", 1)[0]
        if "\n## Fix safety\n" in text and not fix_part.strip():
            problems.append(f"{check}: '## Fix safety' says nothing")
        options_part = text.split("\n## Options\n", 1)[-1].split("\n## ", 1)[0]
        documented = set(re.findall(r"^\| `(\w+)` \|", options_part, re.M))
        dumped = run(tool, f"--checks=-*,{check}", "--dump-config")
        actual = set(re.findall(r"^\s+" + re.escape(check) + r"\.(\w+):", dumped, re.M))
        if documented != actual:
            problems.append(f"{check}: doc options {sorted(documented)} != "
                            f"--dump-config options {sorted(actual)}")
        readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
        if f"docs/checks/{check}.md" not in readme:
            problems.append(f"{check}: not in the README's table of checks")
    for problem in problems:
        print("error: " + problem)
    print(f"checked {len(checks)} checks")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
