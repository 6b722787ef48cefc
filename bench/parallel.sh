#!/usr/bin/env bash
# The acceptance suite's wall time on the embedded CF at --parallel 1, 4 and 8, and the speedups.
# Target: 4 workers at least 2.5 times faster than 1. Prints one figure per line.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jvm.sh
[ -f target/vigil.jar ] || make -s build >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A wall
for p in 1 4 8; do
  start=$(date +%s%N)
  status=0
  "${VIGIL_JAVA[@]}" -jar target/vigil.jar run --sim --suites acceptance --parallel "$p" --reports "$work/r$p" >"$work/out$p" 2>&1 || status=$?
  wall[$p]=$(( ($(date +%s%N) - start) / 1000000 ))
  passed=$(grep -o '"passed" : [0-9]*' "$work/r$p/summary.json" | head -2 | tail -1 | grep -o '[0-9]*$' || echo "?")
  printf '%-40s %8s ms   (exit %s, acceptance passed: %s)\n' "acceptance wall time, --parallel $p" "${wall[$p]}" "$status" "$passed"
done
printf '%-40s %8s   target >= 2.5x\n' "speedup 4 vs 1" "$(awk "BEGIN { printf \"%.2fx\", ${wall[1]} / ${wall[4]} }")"
printf '%-40s %8s\n' "speedup 8 vs 1" "$(awk "BEGIN { printf \"%.2fx\", ${wall[1]} / ${wall[8]} }")"
