#!/usr/bin/env python3
"""Runs a command and succeeds only if it exits with the expected code.

Usage: expect_exit.py CODE COMMAND [ARGS...]
The command's stdout and stderr are passed through, so they can be piped
into FileCheck.
"""
import subprocess
import sys

expected = int(sys.argv[1])
code = subprocess.run(sys.argv[2:]).returncode
if code != expected:
    sys.stderr.write(f"expect_exit: '{sys.argv[2]}' exited {code}, "
                     f"expected {expected}\n")
    sys.exit(1)
