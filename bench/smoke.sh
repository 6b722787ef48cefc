#!/usr/bin/env bash
# The smoke suite's wall time on the embedded CF at --parallel 1 and 4, and what droplet reuse saves
# (staging every push versus staging once per run) over 10 pushes. Prints one figure per line.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
[ -f target/vigil.jar ] || make -s build >/dev/null
mvn -B -q test-compile >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A wall
for p in 1 4; do
  start=$(date +%s%N)
  "${VIGIL_JAVA[@]}" -jar target/vigil.jar run --sim --suites smoke --parallel "$p" --reports "$work/r$p" >/dev/null 2>&1
  wall[$p]=$(( ($(date +%s%N) - start) / 1000000 ))
  printf '%-44s %8s ms\n' "smoke suite wall time, --parallel $p" "${wall[$p]}"
done
speedup=$(awk "BEGIN { printf \"%.2f\", ${wall[1]} / ${wall[4]} }")
printf '%-44s %8s\n' "speedup 4 vs 1" "${speedup}x"
figure "smoke suite wall time, --parallel 1 / 4" "${wall[1]} / ${wall[4]} ms" "" "-"
out=$(java -cp target/vigil.jar:target/test-classes vigil.cf.DropletReuseBench "${PUSHES:-10}")
echo "$out"
saved=$(grep -F "saved by droplet reuse" <<<"$out" | grep -o '([0-9]*%)' | tr -d '()')
figure "${PUSHES:-10} pushes: time saved by droplet reuse" "${saved:-?}" "" "-"
