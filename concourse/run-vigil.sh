#!/usr/bin/env bash
# The script of concourse/task.yml: turns the task's params into a `vigil` command line and runs it.
#
#   VIGIL_COMMAND=run (default): vigil run, reports to the `reports` output
#   VIGIL_COMMAND=merge:         vigil merge of every input folder named in VIGIL_MERGE (space-separated)
#   VIGIL_COMMAND=gate:          vigil gate --summary $VIGIL_SUMMARY
#
# Config keys come from the environment as they are (CF_API, CF_USERNAME, CF_PASSWORD, ...): Vigil's config
# loader reads them itself, so this script never handles a secret. Empty params count as unset.
set -euo pipefail

jar="${VIGIL_JAR:-vigil-jar/vigil.jar}"
reports="${VIGIL_REPORTS:-reports}"
command="${VIGIL_COMMAND:-run}"

if [[ ! -f "$jar" ]]; then
  echo "run-vigil: no Vigil jar at $jar; give the task an input with vigil.jar and set VIGIL_JAR" >&2
  exit 2
fi

args=()
case "$command" in
  run)
    args+=(run --reports "$reports")
    [[ -n "${VIGIL_CONFIG:-}" ]] && args+=(--config "$VIGIL_CONFIG")
    [[ -n "${VIGIL_SUITES:-}" ]] && args+=(--suites "$VIGIL_SUITES")
    [[ -n "${VIGIL_TAGS:-}" ]] && args+=(--tags "$VIGIL_TAGS")
    [[ -n "${VIGIL_SHARD:-}" ]] && args+=(--shard "$VIGIL_SHARD")
    [[ -n "${VIGIL_PARALLEL:-}" ]] && args+=(--parallel "$VIGIL_PARALLEL")
    [[ -n "${VIGIL_FEATURES:-}" ]] && args+=(--features "$VIGIL_FEATURES")
    [[ -n "${VIGIL_DURING:-}" ]] && args+=(--during "$VIGIL_DURING")
    [[ -n "${VIGIL_DURATION:-}" ]] && args+=(--duration "$VIGIL_DURATION")
    [[ "${VIGIL_NO_HTML:-}" == true ]] && args+=(--no-html)
    [[ -n "${VIGIL_HISTORY:-}" ]] && args+=(--history "$VIGIL_HISTORY")
    [[ -n "${VIGIL_READY_PUT:-}" ]] && args+=(--ready-file "$reports/probes.ready")
    ;;
  merge)
    read -r -a folders <<< "${VIGIL_MERGE:-}"
    if [[ ${#folders[@]} -eq 0 ]]; then
      echo "run-vigil: VIGIL_COMMAND=merge needs VIGIL_MERGE, the reports folders to join, e.g. 'reports-1 reports-2'" >&2
      exit 2
    fi
    args+=(merge "${folders[@]}" --reports "$reports")
    ;;
  gate)
    args+=(gate --summary "${VIGIL_SUMMARY:-$reports/summary.json}")
    [[ -n "${VIGIL_MAX_FAILED:-}" ]] && args+=(--max-failed "$VIGIL_MAX_FAILED")
    [[ -n "${VIGIL_MIN_AVAILABILITY:-}" ]] && args+=(--min-availability "$VIGIL_MIN_AVAILABILITY")
    [[ -n "${VIGIL_MAX_OUTAGE:-}" ]] && args+=(--max-outage "$VIGIL_MAX_OUTAGE")
    ;;
  *)
    echo "run-vigil: VIGIL_COMMAND must be run, merge or gate, not '$command'" >&2
    exit 2
    ;;
esac

mkdir -p "$reports"
echo "run-vigil: java -jar $jar ${args[*]}"
java ${VIGIL_JAVA_OPTS:-} -jar "$jar" "${args[@]}" &
vigil=$!
# Concourse stops an aborted task with SIGTERM: Vigil then cleans up and writes its reports (exit 143).
trap 'kill -TERM "$vigil" 2>/dev/null' TERM
trap 'kill -INT "$vigil" 2>/dev/null' INT

if [[ -n "${VIGIL_READY_PUT:-}" && "$command" == run ]]; then
  # Hand the ready marker on (e.g. to the deploy waiting in a parallel task) once the probes are live.
  ready="$reports/probes.ready"
  while kill -0 "$vigil" 2>/dev/null && [[ ! -f "$ready" ]]; do
    sleep 1
  done
  if [[ -f "$ready" ]]; then
    VIGIL_READY_FILE="$ready" sh -c "$VIGIL_READY_PUT" \
      || echo "run-vigil: VIGIL_READY_PUT failed; a deploy waiting for the marker will time out" >&2
  fi
fi

set +e
wait "$vigil"
code=$?
# `wait` returns early when a trapped signal arrives; wait again for Vigil's own exit.
while kill -0 "$vigil" 2>/dev/null; do
  wait "$vigil"
  code=$?
done
set -e
echo "$code" > "$reports/exit-code"

# Soft fail: a shard or merge that found failures exits 0 so that the merge, the artifact upload and the
# gate still run; the gate then fails the job. Usage errors (2) and setup failures (3) stay hard.
if [[ "${VIGIL_SOFT_FAIL:-false}" == true && ( "$code" == 1 || "$code" == 4 ) ]]; then
  echo "run-vigil: vigil exited $code; VIGIL_SOFT_FAIL=true, so the gate decides"
  exit 0
fi
exit "$code"
