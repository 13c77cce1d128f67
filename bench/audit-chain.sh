#!/usr/bin/env bash
# The audit chain on the demo year, measured: the built jar on a new data directory (initdb, migrations, full demo
# data), then how long after healthy the sealer has chained every audit entry the seeding wrote, and how long one
# full verification takes. Usage: bench/audit-chain.sh [jar]
set -euo pipefail
jar=${1:-target/shizheng.jar}
[[ -f $jar ]] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 2; }
data=$(mktemp -d)
port=${BENCH_PORT:-18081}
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
verification() { curl -fs -u admin:demo1234 "http://127.0.0.1:$port/api/audit/verification"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
source "$(dirname "$0")/app.sh"
launch "new data directory"
t1=$(date +%s.%N)
until verification | grep -q '"unsealed":0'; do sleep 0.2; done
t2=$(date +%s.%N)
printf 'healthy to every audit entry sealed: %.1f s\n' "$(echo "$t2 - $t1" | bc)"
for i in 1 2 3; do
  curl -fs -o "$data/v.json" -w 'full verification: %{time_total} s, ' -u admin:demo1234 \
    "http://127.0.0.1:$port/api/audit/verification"
  grep -o '"sealed":[0-9]*' "$data/v.json"
done
