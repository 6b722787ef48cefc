#!/usr/bin/env bash
# A named marker in a store that parallel Concourse tasks both reach, to order them:
#
#   marker.sh put NAME [FILE]   store FILE (or MARKER_CONTENT, or a timestamp) as NAME
#   marker.sh wait NAME         wait until NAME exists (MARKER_TIMEOUT seconds, default 1800); exit 1 if its
#                               content starts with "failed" (so a --during wait reports a failed deploy)
#
# MARKER_URL is the folder of this build's markers in any store that takes an HTTP PUT and answers a GET
# (a WebDAV folder, an Artifactory/Nexus raw repository, an S3 bucket behind a presigned-URL proxy), e.g.
# https://store.example.com/vigil-markers/((.:run-key)); MARKER_AUTH is its user:password, if any.
# A file:// URL works too, for trying it out on one machine.
set -euo pipefail

usage() {
  echo "usage: marker.sh put NAME [FILE] | marker.sh wait NAME   (MARKER_URL must be set)" >&2
  exit 2
}

[[ $# -ge 2 ]] || usage
[[ -n "${MARKER_URL:-}" ]] || { echo "marker.sh: MARKER_URL is not set; give the markers' folder URL" >&2; exit 2; }
action="$1"
name="$2"
url="${MARKER_URL%/}/$name"
auth=()
[[ -n "${MARKER_AUTH:-}" ]] && auth=(--user "$MARKER_AUTH")

case "$action" in
  put)
    file="${3:-}"
    if [[ -z "$file" ]]; then
      file="$(mktemp)"
      if [[ -n "${MARKER_CONTENT:-}" ]]; then
        echo "$MARKER_CONTENT" > "$file"
      else
        date -u +%Y-%m-%dT%H:%M:%SZ > "$file"
      fi
    fi
    if [[ "$url" == file://* ]]; then
      mkdir -p "$(dirname "${url#file://}")"
    fi
    curl --fail --silent --show-error "${auth[@]}" --upload-file "$file" "$url"
    echo "marker.sh: put $name"
    ;;
  wait)
    timeout="${MARKER_TIMEOUT:-1800}"
    poll="${MARKER_POLL:-5}"
    deadline=$(( $(date +%s) + timeout ))
    found="$(mktemp)"
    until curl --fail --silent "${auth[@]}" --output "$found" "$url"; do
      if (( $(date +%s) >= deadline )); then
        echo "marker.sh: no marker $name after ${timeout}s at ${MARKER_URL%/}; did the task that puts it start?" >&2
        exit 1
      fi
      sleep "$poll"
    done
    if grep -q '^failed' "$found"; then
      echo "marker.sh: found $name, which says: $(head -c 200 "$found")" >&2
      exit 1
    fi
    echo "marker.sh: found $name"
    ;;
  *)
    usage
    ;;
esac
