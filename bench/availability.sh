#!/usr/bin/env bash
# Figures of the availability instrument (issue 6), each printed with its target:
#   1. error of the measured outage length against injected outages of 0.5 s, 2 s and 5 s at 10 Hz and 50 Hz
#   2. the aggregate probe rate held for 60 s with p99 schedule lag < 10 ms and no sample lost (target >= 1000/s)
#   3. the JVM's resident memory after 1 minute (and, with LONG=1, after 10 minutes) at 200 probes/s
#   4. the same for `vigil watch` (issue 15): 200 probes/s over kept-alive and fresh connections with the control
#      probe and /metrics, its measurement windows rotated every minute; after 1 (and with LONG=1, 10) minutes
# The target server runs in the same JVM, on the same cores, as the instrument (a real target is elsewhere).
# Default run: about 4 minutes. LONG=1: also 1250, 1500 and 2000 probes/s for 60 s each and the 10-minute
# memory figure (about 17 minutes). PARTS=3 (or PARTS=1,3, ...) runs only the listed parts: LONG=1 PARTS=3 is
# the memory figure alone (about 11 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

echo "building test classes..." >&2
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >&2
CP="target/test-classes:target/classes:$(cat target/bench.cp)"
# BENCH_JVM: extra JVM flags for one part.
bench() { java -Xmx512m ${BENCH_JVM:-} -cp "$CP" vigil.availability.bench.AvailabilityBench "$@" 2>/dev/null | grep -E '^RESULT' || true; }
# benchall: the same, keeping the CONNECTIONS line too (part 4).
benchall() { java -Xmx512m ${BENCH_JVM:-} -cp "$CP" vigil.availability.bench.AvailabilityBench "$@" 2>/dev/null | grep -E '^(RESULT|CONNECTIONS)' || true; }

part() { [[ ",${PARTS:-1,2,3,4}," == *",$1,"* ]]; }

echo "Vigil availability bench on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo

if part 1; then
echo "1. Measured outage length vs injected outage (target: |error| <= one probe interval)"
echo "   (each outage starts at a random phase of the schedule; a window a whole number of intervals long always"
echo "   catches that many samples, so the error is 0 unless request jitter moves a sample across an edge)"
printf '%-8s %-10s %-12s %-10s %-10s %s\n' rate injected measured error interval result
worst=""; missed=0
for rate in 10 50; do
  for ms in 500 2000 5000; do
    line=$(bench outage "$rate" "$ms")
    if [[ -z "$line" ]]; then printf '%-8s %-10s %s\n' "${rate}Hz" "${ms}ms" "bench failed"; continue; fi
    IFS=$'\t' read -r _ r injected measured error interval outages <<<"$line"
    verdict=$(awk -v e="$error" -v i="$interval" -v o="$outages" 'BEGIN { print (o == 1 && (e < 0 ? -e : e) <= i) ? "ok" : "MISSED" }')
    printf '%-8s %-10s %-12s %-10s %-10s %s\n' "${r}Hz" "${injected}ms" "${measured}ms" "${error}ms" "${interval}ms" "$verdict"
    [[ "$verdict" == ok ]] || missed=$((missed + 1))
    worst=$(awk -v w="${worst:-0}" -v e="$error" 'BEGIN { e = e < 0 ? -e : e; print (e > w) ? e : w }')
  done
done
figure "outage length error, 0.5/2/5 s at 10 and 50 Hz (largest)" "${worst:-?} ms" "<= 1 probe interval" \
  "$([[ -n "$worst" && $missed -eq 0 ]] && echo met || echo missed)"
echo
fi

if part 2; then
echo "2. Aggregate probe rate (100 Hz per probe; 10 s at 200/s and 10 s at the rate to warm up the JIT, then measured)"
echo "   held = p99 schedule lag < 10 ms, no sample lost, no failed sample (target: held at >= 1000 probes/s for 60 s)"
printf '%-10s %-8s %-9s %-9s %-6s %-13s %-11s %-9s %s\n' probes/s seconds samples csv-rows lost p99-lag-ms late-starts failures result
rates="1000:60 1500:15"
if [[ "${LONG:-}" == 1 ]]; then rates="1000:60 1250:60 1500:60 2000:60"; fi
held=0
for spec in $rates; do
  rate=${spec%%:*}; seconds=${spec##*:}
  line=$(bench rate "$rate" "$seconds" 10)
  if [[ -z "$line" ]]; then
    printf '%-10s %-8s %s\n' "$rate" "$seconds" "collapsed during warm-up (timeouts, then too many open files): not held"
    continue
  fi
  IFS=$'\t' read -r _ r samples csv lost lag late failures _ problems <<<"$line"
  verdict=$(awk -v l="$lag" -v lost="$lost" -v f="$failures" 'BEGIN { print (l < 10 && lost == 0 && f == 0) ? "held" : "not held" }')
  if [[ "$verdict" == held && "$seconds" -ge 60 && "$rate" -gt "$held" ]]; then held=$rate; fi
  printf '%-10s %-8s %-9s %-9s %-6s %-13s %-11s %-9s %s\n' "$r" "$seconds" "$samples" "$csv" "$lost" "$lag" "$late" "$failures" "$verdict"
done
echo "   largest rate held for 60 s: ${held} probes/s (target >= 1000)"
figure "aggregate probe rate held 60 s (p99 lag < 10 ms, none lost)" "$held probes/s" ">= 1000 probes/s" "$(meets "$held" ">=" 1000)"
echo
fi

if part 3; then
echo "3. Resident memory at 200 probes/s (20 probes at 10 Hz; target: flat, i.e. RSS after 10 minutes within 10% of"
echo "   RSS after 1 minute). Heap used after a full GC is the instrument's own state; committed heap and non-heap"
echo "   (metaspace, JIT code) show how much of RSS is the JVM sizing itself. The heap is fixed and touched at start"
echo "   (-Xms256m -Xmx256m -XX:+AlwaysPreTouch), so RSS does not show the JVM growing, touching or giving back its"
echo "   own heap (with default sizing: about +40% by minute 2 as the heap is first touched, flat after) and any"
echo "   growth is the instrument's: off the heap in RSS, on it in heap-after-GC"
minutes="1"
if [[ "${LONG:-}" == 1 ]]; then minutes="1 2 5 10"; else echo "   (the 10-minute figure runs with LONG=1)"; fi
printf '%-10s %-8s %-8s %-17s %-19s %s\n' probes/s minute rss-MB heap-after-gc-MB heap-committed-MB non-heap-committed-MB
first=""; second=""; last=""; firstheap=""; lastheap=""
while IFS=$'\t' read -r _ r minute rss heap committed nonheap; do
  printf '%-10s %-8s %-8s %-17s %-19s %s\n' "$r" "$minute" "$rss" "$heap" "$committed" "$nonheap"
  if [[ -z "$first" ]]; then first=$rss; firstheap=$heap; elif [[ -z "$second" ]]; then second=$rss; fi
  last=$rss; lastheap=$heap
done < <(BENCH_JVM="-Xms256m -Xmx256m -XX:+AlwaysPreTouch" bench memory 200 $minutes)
if [[ -z "$first" ]]; then
  echo "   bench failed"
elif [[ "${LONG:-}" == 1 ]]; then
  awk -v a="$first" -v b="$last" -v ha="$firstheap" -v hb="$lastheap" 'BEGIN { g = (b - a) * 100 / a;
    printf "   RSS %d MB after 1 minute, %d MB after 10 minutes: %+.1f%% (target: flat, within 10%%): %s\n", a, b, g,
      (g <= 10 ? "flat" : "GROWING");
    printf "   heap used after GC %d MB after 1 minute, %d MB after 10 minutes\n", ha, hb }'
  # At minute 1 the JVM has committed its heap but not yet touched all of it; from minute 2 on, growth is the
  # instrument's (or a leak's), not the JVM's first pass over its own heap.
  awk -v a="$second" -v b="$last" 'BEGIN { printf "   RSS %d MB after 2 minutes, %d MB after 10 minutes: %+.1f%%\n", a, b, (b - a) * 100 / a }'
  growth=$(awk -v a="$first" -v b="$last" 'BEGIN { printf "%+.1f", (b - a) * 100 / a }')
  flat=$(awk -v g="$growth" -v ha="$firstheap" -v hb="$lastheap" 'BEGIN { print (g <= 10 && g >= -10 && hb - ha <= 10) ? "met" : "missed" }')
  figure "RSS (heap after GC) at 200 probes/s, minute 1 -> 10" "$first -> $last MB ($growth%; heap $firstheap -> $lastheap MB)" \
    "flat (within 10%)" "$flat"
else
  figure "RSS at 200 probes/s after 1 minute (10-minute figure with LONG=1)" "$first MB" "flat" "-"
fi
fi

if part 4; then
echo
echo "4. vigil watch --suites none at 200 probes/s (10 URLs x 10 Hz over kept-alive and 10 Hz over fresh connections,"
echo "   + a 10 Hz control probe; windows rotated every minute, /metrics scraped). Same fixed heap as part 3; target:"
echo "   flat (RSS after 10 minutes within 10% of RSS after 1 minute, heap after GC within 10 MB) and the rate held"
wminutes="1"
if [[ "${LONG:-}" == 1 ]]; then wminutes="1 2 5 10"; else echo "   (the 10-minute figure runs with LONG=1)"; fi
printf '%-10s %-8s %-8s %-17s %-19s %-22s %-10s %s\n' probes/s minute rss-MB heap-after-gc-MB heap-committed-MB non-heap-committed-MB samples samples/s
wfirst=""; wlast=""; wfirstheap=""; wlastheap=""; wrate=""
conn=""
while IFS=$'\t' read -r kind r minute rss heap committed nonheap samples persec; do
  if [[ "$kind" == CONNECTIONS ]]; then conn="$r $minute $rss $heap $committed $nonheap"; continue; fi
  printf '%-10s %-8s %-8s %-17s %-19s %-22s %-10s %s\n' "$r" "$minute" "$rss" "$heap" "$committed" "$nonheap" "$samples" "$persec"
  if [[ -z "$wfirst" ]]; then wfirst=$rss; wfirstheap=$heap; fi
  wlast=$rss; wlastheap=$heap; wrate=$persec
done < <(BENCH_JVM="-Xms256m -Xmx256m -XX:+AlwaysPreTouch" benchall watch 200 $wminutes)
if [[ -n "$conn" ]]; then
  read -r rp50 rp99 np50 np99 incl cp99 <<<"$conn"
  echo "   latency over the last windows (median of the probes): kept-alive p50 $rp50 ms, p99 $rp99 ms; new connection"
  echo "   p50 $np50 ms, p99 $np99 ms. Inconclusive (control probe late > 500 ms or failed): $incl% of samples;"
  echo "   control probe p99 $cp99 ms (the instrument's own latency on this machine)"
  figure "fresh vs kept-alive connection latency p50 (watch soak)" "$np50 vs $rp50 ms" "-" "-"
  figure "samples inconclusive by the control probe (watch soak)" "$incl%" "-" "-"
fi
if [[ -z "$wfirst" ]]; then
  echo "   bench failed"
elif [[ "${LONG:-}" == 1 ]]; then
  wgrowth=$(awk -v a="$wfirst" -v b="$wlast" 'BEGIN { printf "%+.1f", (b - a) * 100 / a }')
  wflat=$(awk -v g="$wgrowth" -v ha="$wfirstheap" -v hb="$wlastheap" 'BEGIN { print (g <= 10 && g >= -10 && hb - ha <= 10) ? "met" : "missed" }')
  echo "   RSS $wfirst MB after 1 minute, $wlast MB after 10 minutes ($wgrowth%); heap after GC $wfirstheap -> $wlastheap MB"
  figure "vigil watch RSS (heap after GC) at 200 probes/s, minute 1 -> 10" "$wfirst -> $wlast MB ($wgrowth%; heap $wfirstheap -> $wlastheap MB)" \
    "flat (within 10%)" "$wflat"
else
  figure "vigil watch RSS at 200 probes/s after 1 minute (10-minute figure with LONG=1)" "$wfirst MB ($wrate samples/s)" "flat" "-"
fi
fi
