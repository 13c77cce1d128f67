# Sourced by the bench scripts. `launch LABEL` starts $jar with its data in $data on $port, waits until
# /actuator/health is UP, prints how long that took, and leaves the application running as $pid.
launch() {
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
}
