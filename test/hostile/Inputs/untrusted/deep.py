#!/usr/bin/env python3
"""Writes documents nested 100,000 levels deep, one per reader:
deep.py DIR -> DIR/baseline.json, result.json, result.sarif, deployment.yaml,
deployment-block.yaml, deployment-quote.yaml, config/.clang-tidy,
quote/.clang-tidy, config.yaml."""
import os
import sys

out = sys.argv[1]
depth = 100_000
os.makedirs(os.path.join(out, "config"), exist_ok=True)
os.makedirs(os.path.join(out, "quote"), exist_ok=True)


def write(name, text):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)


write("baseline.json", '{"version": 1, "entries": ' + "[" * depth + "]" * depth + "}")
write("result.json", '{"formatVersion": 1, "findings": ' + "[" * depth + "]" * depth + "}")
write("result.sarif", '{"version": "2.1.0", "runs": ' + '[{"a":' * depth + "1}]" * depth + "}")
write("deployment.yaml", "max_connections: " + "[" * depth + "]" * depth + "\n")
# Block nesting: mappings in mappings, one indentation deeper per level.
write("deployment-block.yaml", "processes:\n" + "".join(
    "  " * i + "k%d:\n" % i for i in range(1, 300)))
write("config/.clang-tidy", "Checks: " + "{a: " * depth + "}" * depth + "\n")
write("config.yaml", "CheckOptions: " + "[" * depth + "]" * depth + "\n")
# A quote inside a plain scalar is text, not the start of a quoted string:
# the brackets after it are read by the parser (found by the inputs fuzzer).
write("deployment-quote.yaml", 'reserved: 3 "x\nmax_connections: ' + "[" * depth + "]" * depth + "\n")
write("quote/.clang-tidy", "Checks: don't\nCheckOptions: " + "[" * depth + "]" * depth + "\n")
