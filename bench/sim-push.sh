#!/usr/bin/env bash
# The embedded CF: its start time (in process, and `vigil sim` from launch to serving) and the median time
# from package upload to the first 200 through the router. Prints one figure per line with its target.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
[ -f target/vigil.jar ] || make -s build >/dev/null
mvn -B -q test-compile >/dev/null
out=$(java -cp target/vigil.jar:target/test-classes vigil.sim.SimPushBench "${PUSHES:-5}")
echo "$out"
v=$(ms_of "$out" "sim start (in process)"); figure "sim start, in process" "$v ms" "< 1500 ms" "$(meets "$v" "<" 1500)"
v=$(ms_of "$out" "upload to first 200"); figure "package upload to first 200 via router (median)" "$v ms" "< 3000 ms" "$(meets "$v" "<" 3000)"

work=$(mktemp -d)
start=$(date +%s%N)
# As `make sim` starts it: a standalone sim runs long enough for C2, so without the C1-only flag.
java -jar target/vigil.jar sim --write-config "$work/sim.yml" >"$work/sim.log" 2>&1 &
sim=$!
trap 'kill "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true; rm -rf "$work"' EXIT
until [ -s "$work/sim.yml" ] || ! kill -0 "$sim" 2>/dev/null; do sleep 0.02; done
v=$(( ($(date +%s%N) - start) / 1000000 ))
printf '%-44s %8s ms   target < 1500 ms (JVM start included)\n' "vigil sim: launch to serving" "$v"
figure "vigil sim: launch to serving (JVM start included)" "$v ms" "< 1500 ms" "$(meets "$v" "<" 1500)"
