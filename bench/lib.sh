# Sourced by every bench: how they start vigil.jar, and how they hand their figures to bench/run-all.sh.

# The JVM flags the Makefile runs vigil.jar with (see JAVA_FLAGS there).
VIGIL_JAVA=(java ${JAVA_FLAGS--XX:TieredStopAtLevel=1})

# figure NAME VALUE TARGET VERDICT: one headline figure. run-all.sh sets BENCH_FIGURES to a file and prints
# the lines it collects as one table; run on its own, a bench prints its figures as it always does.
# VERDICT is met, missed or "-" (a figure without a target).
figure() {
  if [[ -n "${BENCH_FIGURES:-}" ]]; then
    printf '%s\t%s\t%s\t%s\t%s\n' "$(basename "$0" .sh)" "$1" "$2" "$3" "$4" >>"$BENCH_FIGURES"
  fi
}

# meets VALUE OP LIMIT: "met" or "missed" for a numeric comparison (OP: < <= > >=).
meets() {
  awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
    ok = (op == "<") ? v < l : (op == "<=") ? v <= l : (op == ">") ? v > l : v >= l
    print (ok ? "met" : "missed") }'
}

# ms_of TEXT LABEL: the number before "ms" on TEXT's line starting with LABEL (a Java bench's printed figure).
ms_of() {
  grep -F -- "$2" <<<"$1" | head -1 | awk '{ for (i = 2; i <= NF; i++) if ($i == "ms") { print $(i - 1); exit } }'
}
