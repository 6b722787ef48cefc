#!/usr/bin/env bash
# The acceptance suite on the embedded CF at --parallel 1, 4 and 8: its wall time, the speedups, and the CPU
# time it costs (the harness, the embedded CF and every app instance, all children of the one JVM).
# Two wall times per run: the suite's own (Cucumber's test run, first scenario start to last scenario end, read
# from messages.ndjson) and the whole process (JVM start, embedded CF start, report generation included).
# Target: the suite 2.5 times faster with 4 workers than with 1. On a machine with C CPU-seconds of work and
# k cores no run can be shorter than C/k: the last line prints that bound for the --parallel 4 process (its CPU
# time includes start-up and report generation, outside the suite's wall time).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
[ -f target/vigil.jar ] || make -s build >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# CHILDREN_CPU := seconds of CPU used so far by this shell's finished children (user + system), from bash's
# `times`, which must run in this shell, not in a $(...) subshell.
children_cpu() {
  times >"$work/times"
  CHILDREN_CPU=$(tail -1 "$work/times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/)
                                                 printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
}
# Seconds between Cucumber's testRunStarted and testRunFinished in a messages.ndjson.
suite_wall() {
  awk 'match($0, /"testRun(Started|Finished)":\{[^{]*"timestamp":\{"seconds":[0-9]+,"nanos":[0-9]+/) {
         s = substr($0, RSTART, RLENGTH); kind = (s ~ /Started/) ? "start" : "end"
         sub(/.*"timestamp":/, "", s); gsub(/[^0-9,]/, "", s); split(s, n, ","); t[kind] = n[1] + n[2] / 1e9 }
       END { printf "%.1f", t["end"] - t["start"] }' "$1"
}

# REPEAT rounds (default 3) of --parallel 1, 4 and 8, in turn, so that a noisy spell on a shared machine falls on
# every setting alike; each figure is the median of its rounds, and every round's row is printed too.
repeat=${REPEAT:-3}
declare -A suite process cpu
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-20s %12s %14s %10s %8s %s\n' workers suite-wall-s process-wall-s cpu-s exit passed
for round in $(seq 1 "$repeat"); do
  for p in 1 4 8; do
    children_cpu; before=$CHILDREN_CPU
    start=$(date +%s%N)
    status=0
    out="$work/r$p-$round"
    "${VIGIL_JAVA[@]}" -jar target/vigil.jar run --sim --suites acceptance --parallel "$p" --reports "$out" \
      >"$out.log" 2>&1 || status=$?
    wall=$(awk "BEGIN { printf \"%.1f\", ($(date +%s%N) - $start) / 1e9 }")
    children_cpu; used=$(awk "BEGIN { printf \"%.1f\", $CHILDREN_CPU - $before }")
    own=$(suite_wall "$out/cucumber/messages.ndjson")
    suite[$p]+="$own "; process[$p]+="$wall "; cpu[$p]+="$used "
    passed=$(grep -A3 '"acceptance" : {' "$out/summary.json" | grep -o '"passed" : [0-9]*' | grep -o '[0-9]*$' || echo "?")
    printf '%-20s %12s %14s %10s %8s %s\n' "--parallel $p (${round}/${repeat})" "$own" "$wall" "$used" "$status" "$passed"
  done
done
for p in 1 4 8; do
  suite[$p]=$(median ${suite[$p]}); process[$p]=$(median ${process[$p]}); cpu[$p]=$(median ${cpu[$p]})
  printf '%-20s %12s %14s %10s\n' "--parallel $p median" "${suite[$p]}" "${process[$p]}" "${cpu[$p]}"
done
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
s4=$(ratio "${suite[1]}" "${suite[4]}"); s8=$(ratio "${suite[1]}" "${suite[8]}")
printf 'speedup 4 vs 1 (medians of %s rounds): suite %sx (target >= 2.5x), process %sx\n' "$repeat" "$s4" \
  "$(ratio "${process[1]}" "${process[4]}")"
printf 'speedup 8 vs 1 (medians of %s rounds): suite %sx, process %sx\n' "$repeat" "$s8" \
  "$(ratio "${process[1]}" "${process[8]}")"
printf 'on %s cores the --parallel 4 process (%s s) cannot be shorter than its CPU time / cores = %s s\n' "$(nproc)" \
  "${process[4]}" "$(awk "BEGIN { printf \"%.1f\", ${cpu[4]} / $(nproc) }")"
figure "acceptance suite wall, --parallel 1 / 4 / 8" "${suite[1]} / ${suite[4]} / ${suite[8]} s" "" "-"
figure "acceptance suite speedup, 4 workers vs 1" "${s4}x" ">= 2.5x" "$(meets "$s4" ">=" 2.5)"
figure "acceptance suite speedup, 8 workers vs 1" "${s8}x" "" "-"
