#!/usr/bin/env bash
# The budget report against a real server: a throwaway PostgreSQL cluster on
# a loopback port with max_connections = 20 runs the example deployment's
# three workers, first with pools of 8 (the report says over) then 5 (the
# report says it fits), and prints what the report said and what the server
# did. The cluster is stopped and removed on every exit.
#
# Usage: pg_budget.sh SESSION_LINT SOURCE_ROOT WORKDIR
set -euo pipefail
lint=$1 src=$2 work=$3
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

rm -rf "$work"
mkdir -p "$work"
chown postgres "$work"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() {
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

runuser -u postgres -- "$pgbin/initdb" -D "$work/data" -A trust >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=20 -c superuser_reserved_connections=0" \
  start >/dev/null

conninfo="host=127.0.0.1 port=$port user=postgres dbname=postgres connect_timeout=10"
for size in 8 5; do
  echo "== pools of $size"
  "$lint" --deployment "$src/examples/budget/deployment.yaml" \
    "$src/examples/budget/worker.cpp" -- -std=c++17 -DPOOL_SIZE=$size 2>/dev/null |
    grep '^verdict' || true
  c++ -std=c++17 -DPOOL_SIZE=$size "$src/examples/budget/worker.cpp" \
    -o "$work/worker$size" -lpqxx -lpq
  for i in 1 2 3; do
    "$work/worker$size" "$conninfo" > "$work/out$size.$i" 2>&1 &
  done
  wait || true
  echo "workers connected: $(cat "$work"/out$size.* | grep -c 'all connections open' || true)"
  echo "workers refused: $(cat "$work"/out$size.* | grep -c 'too many clients already' || true)"
done
