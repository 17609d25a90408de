#!/usr/bin/env bash
# Changes a file after session-lint analyzed it and before it applies the
# fix-its, deterministically: with -j 1 the units run in order, and the
# second one includes a FIFO, so its worker blocks until this script has
# edited the first file.
#   fix-race.sh SESSION_LINT DIR
set -eu
lint=$1 dir=$2
cd "$dir"
mkfifo gate.h
"$lint" -j 1 --fix a_order.cpp b_wait.cpp -- -std=c++17 > race.out 2> race.err &
pid=$!
exec 3> gate.h          # returns once b_wait.cpp's worker opened the FIFO
printf '// edited while session-lint ran\n' >> a_order.cpp
exec 3>&-               # the worker reads end of file and goes on
status=0
wait "$pid" || status=$?
echo "exit $status"
