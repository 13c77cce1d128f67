#!/usr/bin/env bash
# Start-up to healthy, measured: the built jar on the embedded PostgreSQL, first on a new data directory
# (initdb, migrations, demo data), then three times on the initialised one. Usage: bench/startup.sh [jar]
set -euo pipefail
jar=${1:-target/shizheng.jar}
[[ -f $jar ]] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 2; }
data=$(mktemp -d)
port=${BENCH_PORT:-18080}
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT

start() {
  local t0 t1
  t0=$(date +%s.%N)
  SHIZHENG_DATA_DIR=$data SERVER_PORT=$port java -jar "$jar" >"$data/log.txt" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "app died; see log:"; tail -30 "$data/log.txt"; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  printf '%s: %.1f s to healthy\n' "$1" "$(echo "$t1 - $t0" | bc)"
  kill $pid; wait $pid 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
start "new data directory (initdb + migrations + demo data)"
for i in 1 2 3; do start "initialised data directory, run $i"; done
