#!/usr/bin/env bash
# Start-up to healthy, measured: the built jar on the embedded PostgreSQL, first on a new data directory
# (initdb, migrations, demo data), then three times on the initialised one. Usage: bench/startup.sh [jar]
set -euo pipefail
jar=${1:-target/shizheng.jar}
[[ -f $jar ]] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 2; }
data=$(mktemp -d)
port=${BENCH_PORT:-18080}
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT

source "$(dirname "$0")/app.sh"

start() {
  launch "$1"
  kill $pid; wait $pid 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
start "new data directory (initdb + migrations + demo data)"
for i in 1 2 3; do start "initialised data directory, run $i"; done
