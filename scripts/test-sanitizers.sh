#!/usr/bin/env bash
# The reliability pass of CI (docs/reliability.md): the whole lit suite
# against session-lint, the plugin and the unit tests built with
# AddressSanitizer + UndefinedBehaviorSanitizer (clang-19), then a short run
# of each libFuzzer fuzzer. Any sanitizer report, leak, crash or hang fails.
#
#   scripts/test-sanitizers.sh [BUILD_DIR]    default build-asan
#
#   FUZZ_SECONDS=20   time per fuzzer (0: no fuzzing, and no fuzzers built)
#   FUZZ_SEED=1       fixed, so that a failure in CI can be repeated
#
# One build serves both: with fuzzers, everything is also compiled with
# libFuzzer's coverage instrumentation, which costs the suite far less time
# than compiling the checks a second time would (2 cores).
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-asan}
fuzz_seconds=${FUZZ_SECONDS:-20}
fuzz=OFF
((fuzz_seconds > 0)) && fuzz=ON

bash scripts/setup.sh >/dev/null || exit

start=$SECONDS
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER=clang++-19 -DSESSION_LINT_SANITIZE=ON \
  -DSESSION_LINT_FUZZ=$fuzz >/dev/null || exit
ninja -C "$build" || exit
build_time=$((SECONDS - start))
# The SARIF validator scripts/setup.sh installed for the main build.
[ -e build/tools ] && [ ! -e "$build/tools" ] && ln -s ../build/tools "$build/tools"

start=$SECONDS
results=$build/test-results.xml
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv \
  --xunit-xml-output="$results" "$build/test"
status=$?
suite_time=$((SECONDS - start))

fuzz_time=0
if [ "$fuzz" = ON ]; then
  start=$SECONDS
  FUZZ_NO_BUILD=1 FUZZ_SECONDS=$fuzz_seconds FUZZ_SEED=${FUZZ_SEED:-1} \
    bash fuzz/run.sh "$build" || status=1
  fuzz_time=$((SECONDS - start))
fi

echo "sanitizers: build ${build_time}s, suite ${suite_time}s, fuzzing ${fuzz_time}s"
python3 - "$results" <<'PY'
import sys, xml.etree.ElementTree as ET
total = failed = skipped = 0
for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
    total += 1
    failed += case.find("failure") is not None
    skipped += case.find("skipped") is not None
print(f"sanitizers: {total - failed - skipped} passed, {failed} failed, "
      f"{skipped} skipped")
PY
exit $status
