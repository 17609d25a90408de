#!/usr/bin/env bash
# Sets everything up, then runs session-lint on the example service: first the
# version that breaks the rules (its findings are printed), then the fixed one.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit

echo "== session-lint on examples/bad (breaks R1-R4)"
build/bin/session-lint examples/bad/*.cpp -- -std=c++17 -I/usr/include/postgresql
status=$?
[ "$status" = 1 ] || { echo "demo: expected findings (exit 1), got $status"; exit 1; }

echo "== session-lint on examples/good (follows the rules)"
build/bin/session-lint examples/good/*.cpp -- -std=c++17 -I/usr/include/postgresql && echo "no findings"

echo "== the connection budget of examples/budget (3 workers, max_connections 20)"
build/bin/session-lint --quiet --deployment examples/budget/deployment.yaml \
  examples/budget/worker.cpp -- -std=c++17 -DPOOL_SIZE=8 2>/dev/null | sed -n '/^Connection budget/,$p'
build/bin/session-lint --quiet --deployment examples/budget/deployment.yaml \
  examples/budget/worker.cpp -- -std=c++17 -DPOOL_SIZE=5 2>/dev/null | grep '^verdict'
exit 0
