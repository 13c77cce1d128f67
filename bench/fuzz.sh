#!/usr/bin/env bash
# Fuzzes every @FuzzTest of the suite, one target at a time (Jazzer fuzzes one per JVM), for SECONDS each.
# A finding fails the run; Jazzer writes its input next to the corpus (…FuzzTestInputs/<method>/crash-…),
# where it becomes a regression input of every later build once the bug is fixed and the file committed.
# CI runs it time-boxed after the embedded half (.ci/run: 10 s each, beside the server half); run it longer by hand: bench/fuzz.sh 600
# Usage: bench/fuzz.sh [SECONDS] [CLASS#METHOD ...]   (needs the compiled tests: ./mvnw -DskipTests test-compile)
# The time box: jazzer-junit 0.24 puts its libFuzzer arguments (JUnit parameters jazzer.internal.arg.N, argument 0
# a stand-in for argv[0]) after the annotation's maxDuration, so -max_total_time here wins; jazzer.max_duration does not
# exist and was ignored (every target ran its annotation's 60 s).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(grep -rl --include='*.java' '@FuzzTest' src/test/java | sort | while read -r f; do
        cls=$(echo "${f#src/test/java/}" | sed 's/\.java$//; s#/#.#g')
        awk -v cls="$cls" '/@FuzzTest/ {want=1; next} want && /void [a-zA-Z0-9_]+\(/ {
            match($0, /void [a-zA-Z0-9_]+\(/); m=substr($0, RSTART+5, RLENGTH-6); print cls "#" m; want=0 }' "$f"
    done)
fi
echo "fuzzing ${#targets[@]} targets for ${seconds}s each: ${targets[*]}"
failed=()
for t in "${targets[@]}"; do
    start=$SECONDS
    if JAZZER_FUZZ=1 ./mvnw -B -o -q surefire:test@fuzz-regression -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
            -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds" \
            > "target/fuzz-${t//[#.]/_}.log" 2>&1; then
        echo "  $t: no finding in $((SECONDS - start)) s"
    else
        echo "  $t: FINDING (see target/fuzz-${t//[#.]/_}.log)"
        grep -m3 -E 'FuzzTestFindingException|Caused by|crash-' "target/fuzz-${t//[#.]/_}.log" | sed 's/^/      /' || true
        failed+=("$t")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "findings in: ${failed[*]}"
    exit 1
fi
echo "no findings"
