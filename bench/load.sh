#!/usr/bin/env bash
# The citizen-facing load test: the built jar with demo data on a new embedded database, then Gatling's open
# workload (io.shizheng.load.CitizenMix) at RATE arrivals/s for MINUTES, with the heap measured after a full GC
# before and after the run. Usage: bench/load.sh [RATE] [MINUTES]   (defaults 20 and 10; CI runs a short one)
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-20}
minutes=${2:-10}
jar=target/shizheng.jar
[[ -f $jar ]] || ./mvnw -B -q -DskipTests package
data=$(mktemp -d)
port=${BENCH_PORT:-18080}
scale=${LOAD_DEMO_SCALE:-0.1}
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
SHIZHENG_DATA_DIR=$data SERVER_PORT=$port java -Xmx1g -jar "$jar" --shizheng.demo.scale="$scale" >"$data/app.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  kill -0 $pid 2>/dev/null || { echo "the application died; its log:"; tail -40 "$data/app.log"; exit 1; }
  sleep 1
done
echo "healthy after start (demo scale $scale)"

heap() {
  jcmd $pid GC.run >/dev/null
  sleep 1
  jcmd $pid GC.heap_info | awk '/garbage-first heap|total/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}'
}
# one minute of warm-up at the same rate, so the heap before is the heap of a running system
./mvnw -B -q -Pload test-compile gatling:test -Dbase="http://127.0.0.1:$port" -Drate="$rate" -Dminutes=1 \
    -Dgatling.resultsFolder=target/gatling-warmup >/dev/null || true
before=$(heap)
echo "heap used after GC before the run: $before"
status=0
./mvnw -B -Pload test-compile gatling:test -Dbase="http://127.0.0.1:$port" -Drate="$rate" -Dminutes="$minutes" || status=$?
after=$(heap)
echo "heap used after GC after the run:  $after"
errors=$(grep -c ' ERROR ' "$data/app.log" || true)
echo "server log ERROR lines during the whole run: $errors"
exit $status
