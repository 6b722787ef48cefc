#!/usr/bin/env bash
# Carries Allure's history from the previous night's reports archive into this night's run:
#
#   history.sh PREVIOUS_DIR HISTORY_DIR
#
# PREVIOUS_DIR holds the last archive.yml tarball (an s3 resource's get); its allure-report/history/ is copied to
# HISTORY_DIR/history/, which is where `vigil run --history HISTORY_DIR` reads it (VIGIL_HISTORY in task.yml).
# The first night there is no archive yet (the s3 resource's initial_path gives an empty file): the history starts
# empty, and that is said, not failed.
set -euo pipefail

[[ $# -eq 2 ]] || { echo "usage: history.sh PREVIOUS_DIR HISTORY_DIR" >&2; exit 2; }
previous="$1"
target="$2/history"
mkdir -p "$target"

archive=""
for candidate in "$previous"/*.tgz; do
  [[ -s "$candidate" ]] && archive="$candidate"
done
if [[ -z "$archive" ]]; then
  echo "history: no earlier reports archive in $previous; the trends start with this run"
  exit 0
fi

unpacked="$(mktemp -d)"
trap 'rm -rf "$unpacked"' EXIT
if ! tar -xzf "$archive" -C "$unpacked"; then
  echo "history: $archive is not a readable .tgz; the trends start again with this run" >&2
  exit 0
fi
if [[ ! -d "$unpacked/allure-report/history" ]]; then
  echo "history: $archive has no allure-report/history (no HTML report that night); the trends start with this run"
  exit 0
fi
cp -R "$unpacked/allure-report/history/." "$target/"
carried=$(find "$target" -type f | wc -l | tr -d ' ')
[ "$carried" = 1 ] && noun=file || noun=files
echo "history: carried $carried $noun of Allure history from $(basename "$archive")"
