#!/usr/bin/env python3
"""Runs the session-* checks on a test file through both front ends.

Like clang-tidy's check_clang_tidy.py: the expected diagnostics are written in
the test file next to the code,

    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: session 'db_' ... [session-member-storage]
    // CHECK-NOTES: :[[@LINE-1]]:5: note: ...

and FileCheck fails on a missing one, and on any extra warning (with
CHECK-MESSAGES) or extra warning or note (with CHECK-NOTES). A file with no
CHECK lines asserts silence. Both the clang-tidy plugin and the standalone
session-lint run on the same input; their diagnostics must be identical, and
session-lint's exit code must say whether there were findings.

Usage: check_session.py [--checks=GLOBS] [--config=YAML] [--header-filter=RE] [--check-suffix=S] FILE [-- FLAGS...]
"""
import argparse
import re
import subprocess
import sys

DIAG = re.compile(r"^.*:\d+:\d+: (warning|error|note|remark): .*$", re.M)


def run(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    return proc.returncode, proc.stdout, proc.stderr


def file_check(test_file, prefix, implicit, output):
    cmd = ["FileCheck", test_file, f"--check-prefix={prefix}",
           f"--implicit-check-not={implicit}", "--dump-input=fail"]
    proc = subprocess.run(cmd, input=output, text=True)
    return proc.returncode == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--session-lint", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--checks", default="-*,session-*")
    parser.add_argument("--config", default=None)
    parser.add_argument("--check-suffix", default="")
    parser.add_argument("--header-filter", default=None)
    parser.add_argument("file")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:split])
    args.flags = argv[split + 1:]

    common = [f"--checks={args.checks}"]
    if args.config is not None:
        common.append(f"--config={args.config}")
    # Both front ends see the same headers: the one the test names, or, by
    # default, clang-tidy's (main files only). session-lint alone would
    # report every non-system header (test/tool/headers-by-default.test).
    common.append(f"--header-filter={args.header_filter or ''}")
    tail = [args.file, "--", "-std=c++17"] + args.flags

    plugin_cmd = [args.clang_tidy, f"--load={args.plugin}"] + common + tail
    tool_cmd = [args.session_lint, "--quiet"] + common + tail
    plugin_rc, plugin_out, plugin_err = run(plugin_cmd)
    tool_rc, tool_out, tool_err = run(tool_cmd)

    ok = True
    plugin_lines = [m.group(0) for m in DIAG.finditer(plugin_out)]
    tool_lines = [m.group(0) for m in DIAG.finditer(tool_out)]
    if plugin_lines != tool_lines:
        ok = False
        print("error: the plugin and session-lint disagree", file=sys.stderr)
        print("--- clang-tidy --load:\n" + plugin_out + plugin_err,
              file=sys.stderr)
        print("--- session-lint:\n" + tool_out + tool_err, file=sys.stderr)

    has_errors = any(": error: " in line for line in tool_lines)
    has_warnings = any(": warning: " in line for line in tool_lines)
    expected_rc = 2 if has_errors and "clang-tidy-config" in tool_out else (
        3 if has_errors else (1 if has_warnings else 0))
    if tool_rc != expected_rc:
        ok = False
        print(f"error: session-lint exited {tool_rc}, expected {expected_rc}"
              f"\n{tool_err}", file=sys.stderr)

    # Only the diagnostic lines: the quoted source under them may contain the
    # test's own CHECK comments (a fix-it spanning lines shows them).
    diagnostics = "\n".join(tool_lines) + "\n"
    source = open(args.file, encoding="utf-8").read()
    suffix = f"-{args.check_suffix}" if args.check_suffix else ""
    messages, notes = "CHECK-MESSAGES" + suffix, "CHECK-NOTES" + suffix
    if re.search(re.escape(notes) + r":", source):
        ok &= file_check(args.file, notes, "{{note|warning|error|remark}}:",
                         diagnostics)
    elif re.search(re.escape(messages) + r":", source):
        ok &= file_check(args.file, messages, "{{warning|error|remark}}:",
                         diagnostics)
    elif tool_lines:
        ok = False
        print("error: expected no diagnostics, got:\n" + tool_out,
              file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
