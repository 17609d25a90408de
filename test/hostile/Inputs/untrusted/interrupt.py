#!/usr/bin/env python3
"""Interrupts session-lint as a CI runner's timeout does, and reports what is
left: the exit, the scratch folder, any worker still running.

Usage: interrupt.py SIGNAL TMPDIR MARKER -- COMMAND...
Starts COMMAND with TMPDIR, waits until its scratch folder exists (a worker
is running), sends SIGNAL to that process alone, and prints:
  exit: -N (killed by signal N) or the exit code
  scratch left: the number of entries left in TMPDIR
  workers left: processes whose command line names MARKER
"""
import os
import signal
import subprocess
import sys
import time

sig = getattr(signal, sys.argv[1])
tmpdir, marker = sys.argv[2], sys.argv[3]
command = sys.argv[sys.argv.index("--") + 1:]
os.makedirs(tmpdir, exist_ok=True)
env = dict(os.environ, TMPDIR=tmpdir)
# A session of its own: the signal goes to session-lint only, never to the
# test runner, and a terminal's Ctrl-C is not what is tested.
proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL, start_new_session=True)
deadline = time.time() + 30
while time.time() < deadline and not os.listdir(tmpdir):
    time.sleep(0.05)
time.sleep(1)  # the worker is blocked by now
proc.send_signal(sig)
try:
    code = proc.wait(timeout=30)
except subprocess.TimeoutExpired:
    proc.kill()
    code = "hung"
time.sleep(0.5)


def workers():
    found = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                argv = f.read().split(b"\0")
            # session-lint processes only (this script names MARKER too).
            if argv[0].endswith(b"session-lint") and marker.encode() in argv:
                found += 1
        except OSError:
            pass
    return found


print("exit:", code)
print("scratch left:", len(os.listdir(tmpdir)))
print("workers left:", workers())
