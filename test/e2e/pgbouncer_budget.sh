#!/usr/bin/env bash
# PgBouncer between the example deployment's workers and a throwaway
# PostgreSQL cluster with max_connections = 20: first the three workers with
# pools of 8 connect to the server directly (the report says over), then
# through PgBouncer in transaction mode with a server pool of 10 (the report
# says both sides fit). Prints what the report said, what the workers saw,
# and the most server connections PostgreSQL counted while they ran. The
# cluster and PgBouncer are stopped and removed on every exit.
#
# Usage: pgbouncer_budget.sh SESSION_LINT SOURCE_ROOT WORKDIR
set -euo pipefail
lint=$1 src=$2 work=$3
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgbouncer=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)

rm -rf "$work"
mkdir -p "$work"
chown postgres "$work"
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port=$(free_port)
bouncer_port=$(free_port)
cleanup() {
  if [ -f "$work/pgbouncer.pid" ]; then
    kill "$(cat "$work/pgbouncer.pid")" 2>/dev/null || true
  fi
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

runuser -u postgres -- "$pgbin/initdb" -D "$work/data" -A trust >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=20 -c superuser_reserved_connections=0" \
  start >/dev/null

cat > "$work/pgbouncer.ini" <<INI
[databases]
postgres = host=127.0.0.1 port=$port dbname=postgres user=postgres

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir =
auth_type = any
pool_mode = transaction
max_client_conn = 100
default_pool_size = 10
logfile = $work/pgbouncer.log
pidfile = $work/pgbouncer.pid
INI
cat > "$work/deployment.yaml" <<YAML
max_connections: 20
pgbouncer: pgbouncer.ini
processes:
  - name: api
    count: 3
    files: ["$src/examples/budget/worker.cpp"]
YAML
chown postgres "$work/pgbouncer.ini"

c++ -std=c++17 -DPOOL_SIZE=8 "$src/examples/budget/worker.cpp" -o "$work/worker" -lpqxx -lpq

run_workers() { # CONNINFO NAME
  local pids=()
  for i in 1 2 3; do
    "$work/worker" "$1" > "$work/out-$2.$i" 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  echo "workers connected: $(cat "$work"/out-$2.* | grep -c 'all connections open' || true)"
  echo "workers refused: $(cat "$work"/out-$2.* | grep -c 'too many clients already' || true)"
}

echo "== direct"
"$lint" --deployment "$src/examples/budget/deployment.yaml" \
  "$src/examples/budget/worker.cpp" -- -std=c++17 -DPOOL_SIZE=8 2>/dev/null |
  grep '^verdict' || true
run_workers "host=127.0.0.1 port=$port user=postgres dbname=postgres connect_timeout=10" direct

echo "== through pgbouncer"
"$lint" --deployment "$work/deployment.yaml" \
  "$src/examples/budget/worker.cpp" -- -std=c++17 -DPOOL_SIZE=8 2>/dev/null |
  grep -E '^(verdict|  client side|  server side)' || true
runuser -u postgres -- "$pgbouncer" -d "$work/pgbouncer.ini" >/dev/null
for _ in $(seq 50); do
  [ -f "$work/pgbouncer.pid" ] && break
  sleep 0.1
done
# The most backends PostgreSQL counts while the workers hold their pools.
(
  most=0
  for _ in $(seq 40); do
    n=$(runuser -u postgres -- "$pgbin/psql" -h "$work" -p "$port" -d postgres -Atc \
      "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()" 2>/dev/null || echo 0)
    [ "$n" -gt "$most" ] && most=$n
    echo "$most" > "$work/most"
    sleep 0.1
  done
) &
sampler=$!
run_workers "host=127.0.0.1 port=$bouncer_port user=postgres dbname=postgres connect_timeout=10" bouncer
wait "$sampler" || true
echo "server connections at most: $(cat "$work/most")"
