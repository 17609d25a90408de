#!/usr/bin/env bash
# Runs each fuzzer for a bounded time and fails on any crash, sanitizer
# report, leak, timeout or out-of-memory in session-lint's code
# (docs/reliability.md).
#
#   fuzz/run.sh [BUILD_DIR]        default build-fuzz; configured and built
#                                  (SESSION_LINT_FUZZ=ON, clang-19) if needed
#
#   FUZZ_SECONDS=60      time per fuzzer
#   FUZZ_TIMEOUT=10      seconds one input may take (a hang is a failure)
#   FUZZ_RSS_MB=2048     memory limit (an input over it is a failure)
#   FUZZ_SEED=<n>        libFuzzer's random seed (default: a new one per run,
#                        printed, so that a run can be repeated)
#   FUZZ_NO_BUILD=1      use the fuzzers already in BUILD_DIR
#   FUZZERS="config analysis policy inputs"   which fuzzers to run
#
# The committed seeds (fuzz/corpus/<fuzzer>/) are only read; what the fuzzer
# adds goes to BUILD_DIR/fuzz-corpus/<fuzzer>/, and a failing input to
# BUILD_DIR/fuzz-artifacts/<fuzzer>/: run the fuzzer on that file to
# reproduce.
#
# A crash of the analysis fuzzer is checked against clang++-19 alone (same
# flags, same stub headers): when clang itself crashes on the input, the bug
# is clang 19's parser, not ours. It is kept in fuzz-artifacts/<fuzzer>/clang/
# and reported, and fuzzing goes on with another seed for the time left.
set -uo pipefail
cd "$(dirname "$0")/.."

build=${1:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
timeout=${FUZZ_TIMEOUT:-10}
rss=${FUZZ_RSS_MB:-2048}
fuzzers=${FUZZERS:-config analysis policy inputs}
seed=${FUZZ_SEED:-$(( (RANDOM << 15 | RANDOM) + 1 ))}

if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  if [ ! -f "$build/build.ninja" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_CXX_COMPILER=clang++-19 -DSESSION_LINT_FUZZ=ON >/dev/null || exit
  fi
  ninja -C "$build" fuzzers || exit
fi

# Inputs as long as the largest seeds: a longer one costs more parse time
# than it adds coverage. The documents of the inputs fuzzer are long: their
# readers recurse per nesting level, and only a long input nests deep enough
# to overflow the stack (issue 15, item 5).
declare -A max_len=([config]=2048 [analysis]=4096 [policy]=4096 [inputs]=131072)
# libFuzzer lets inputs grow slowly (-len_control); the inputs fuzzer's need
# the whole length from the start, or 10 minutes end before they nest deep.
declare -A len_control=([config]=100 [analysis]=100 [policy]=100 [inputs]=0)
# A smaller stack makes a recursion too deep show at a depth 128 KB can
# reach: the readers without their nesting check overflow 1 MiB at about
# 5,000 levels (8 MiB takes over 30,000), and with it use a fraction.
declare -A stack_kb=([inputs]=1024)

# Whether clang++-19 alone crashes on an analysis input (AnalysisFuzzer.cpp's
# compiler flags).
clang_crashes() {
  clang++-19 -fsyntax-only -std=c++17 -nostdinc -isystem fuzz/stubs \
    -fno-delayed-template-parsing -fno-spell-checking \
    -fconstexpr-steps=100000 -x c++ "$1" 2>&1 |
    grep -q -e 'PLEASE submit a bug report' -e 'frontend command failed'
}

fuzz_stat() { sed -n "s/^stat::$1: *//p" "$2" | tail -1; }

status=0
summary=()
echo "fuzz: seed $seed"
for name in $fuzzers; do
  bin="$build/bin/session-$name-fuzzer"
  corpus="$build/fuzz-corpus/$name"
  artifacts="$build/fuzz-artifacts/$name"
  log="$build/fuzz-$name.log"
  mkdir -p "$corpus" "$artifacts"
  echo "fuzz: $name for ${seconds}s (log: $log)"
  : >"$log"
  left=$seconds run=0 execs=0 clang_bugs=0 rc=0
  while ((left > 0)); do
    start=$SECONDS
    part="$build/fuzz-$name.$run.log"
    # detect_leaks is libFuzzer's default; every sanitizer aborts on its
    # first report. -close_fd_mask=2: the analysis' compiler diagnostics are
    # not findings (libFuzzer and sanitizer reports still get through).
    (ulimit -s "${stack_kb[$name]:-$(ulimit -s)}" &&
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
      "$bin" -max_total_time="$left" -timeout="$timeout" \
      -rss_limit_mb="$rss" -max_len="${max_len[$name]}" \
      -len_control="${len_control[$name]}" \
      -dict="fuzz/$name.dict" -seed=$((seed + run)) -print_final_stats=1 \
      -artifact_prefix="$artifacts/" -close_fd_mask=2 \
      "$corpus" "fuzz/corpus/$name") >"$part" 2>&1
    rc=$?
    cat "$part" >>"$log"
    n=$(fuzz_stat number_of_executed_units "$part")
    execs=$((execs + ${n:-0}))
    left=$((left - (SECONDS - start)))
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$part" | tail -1)
    rm -f "$part"
    [ "$rc" = 0 ] && break
    if [ "$name" = analysis ] && [ -n "$artifact" ] &&
       grep -q '^crash-' <<<"$(basename "$artifact")" &&
       clang_crashes "$artifact"; then
      mkdir -p "$artifacts/clang"
      mv "$artifact" "$artifacts/clang/"
      echo "fuzz: clang++-19 itself crashes on $artifacts/clang/$(basename "$artifact")" \
           "(a clang bug, not session-lint's); going on"
      clang_bugs=$((clang_bugs + 1)) run=$((run + 1)) rc=0
      continue
    fi
    break
  done
  rate=$((execs / (seconds > 0 ? seconds : 1)))
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  line="$name: $execs executions, $rate exec/s, ${cov:-cov: ?}"
  ((clang_bugs)) && line+=", $clang_bugs crash(es) of clang itself set aside"
  if [ "$rc" != 0 ]; then
    status=1
    line+=", FAILED (exit $rc)"
    echo "fuzz: $name FAILED (exit $rc); the report:"
    # A fuzzer that stops before running anything (a missing dictionary,
    # a bad flag) has no sanitizer report: its last lines say why.
    grep -E -A40 '==ERROR|ERROR: libFuzzer|runtime error|SUMMARY' "$log" |
      head -80 | grep . || tail -15 "$log"
    echo "fuzz: reproduce with: $bin ${artifact:-<the input named above>}"
  fi
  summary+=("$line")
done

echo "fuzz summary (seed $seed):"
printf '  %s\n' "${summary[@]}"
exit $status
