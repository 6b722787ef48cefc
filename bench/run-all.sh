#!/usr/bin/env bash
# Runs every bench in bench/ one after the other and prints one table of their headline figures and targets.
# Each bench's full output is kept in bench-results/NAME.log (or $BENCH_RESULTS). About 15 minutes on 2 cores;
# extra environment (e.g. LONG=1 for the availability bench's 10-minute memory figure) is passed through.
# The figures are only as quiet as the machine: run it with nothing else busy.
set -uo pipefail
cd "$(dirname "$0")/.."
results=${BENCH_RESULTS:-bench-results}
mkdir -p "$results"
export BENCH_FIGURES="$results/figures.tsv"
: >"$BENCH_FIGURES"
make -s build >/dev/null

failed=()
for bench in bench/*.sh; do
  name=$(basename "$bench" .sh)
  [[ "$name" == lib || "$name" == run-all ]] && continue
  echo "running $bench ..." >&2
  start=$(date +%s)
  if ! bash "$bench" >"$results/$name.log" 2>&1; then
    failed+=("$name")
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "bench failed: see $results/$name.log" "" "" "missed" >>"$BENCH_FIGURES"
  fi
  echo "  $name: $(( $(date +%s) - start )) s" >&2
done

echo "Vigil benchmarks on $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
{
  printf 'bench\tfigure\tvalue\ttarget\tresult\n'
  cat "$BENCH_FIGURES"
} | awk -F'\t' '{ for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } }
             END { for (r = 1; r <= NR; r++) { line = ""
                     for (i = 1; i <= 5; i++) line = line sprintf("%-" w[i] + 2 "s", cell[r, i]); print line } }'
missed=$(awk -F'\t' '$5 == "missed"' "$BENCH_FIGURES" | wc -l)
echo "targets missed: $missed; full outputs in $results/"
[[ ${#failed[@]} -eq 0 ]]
