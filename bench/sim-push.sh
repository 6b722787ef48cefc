#!/usr/bin/env bash
# The embedded CF: its start time (in process, and `vigil sim` from launch to serving) and the median time
# from package upload to the first 200 through the router. Prints one figure per line with its target.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jvm.sh
[ -f target/vigil.jar ] || make -s build >/dev/null
mvn -B -q test-compile >/dev/null
java -cp target/vigil.jar:target/test-classes vigil.sim.SimPushBench "${PUSHES:-5}"

work=$(mktemp -d)
start=$(date +%s%N)
"${VIGIL_JAVA[@]}" -jar target/vigil.jar sim --write-config "$work/sim.yml" >"$work/sim.log" 2>&1 &
sim=$!
trap 'kill "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true; rm -rf "$work"' EXIT
until [ -s "$work/sim.yml" ] || ! kill -0 "$sim" 2>/dev/null; do sleep 0.02; done
printf '%-44s %8s ms   target < 1500 ms (JVM start included)\n' "vigil sim: launch to serving" "$(( ($(date +%s%N) - start) / 1000000 ))"
