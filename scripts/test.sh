#!/usr/bin/env bash
# Sets everything up, then runs the whole test suite (lit + FileCheck): every
# check test through both front ends, the real-header suite, the tool tests.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit

results=build/test-results.xml
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv --xunit-xml-output="$results" build/test
status=$?
python3 - "$results" <<'PY'
import sys, xml.etree.ElementTree as ET
suites = ET.parse(sys.argv[1]).getroot()
cases = suites.iter("testcase")
total = failed = skipped = 0
for case in cases:
    total += 1
    failed += case.find("failure") is not None
    skipped += case.find("skipped") is not None
print(f"{total - failed - skipped} passed, {failed} failed, {skipped} skipped")
PY
exit $status
