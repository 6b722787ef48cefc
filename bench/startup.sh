#!/usr/bin/env bash
# Start-to-first-request: time from launching `java -jar vigil.jar run` to the first HTTP request it sends
# to the CF API, measured by a loopback listener that records when the request arrives. Also times a full
# `run --sim --suites smoke`. Most of the start-up is rest-assured loading Groovy (about 1.5 s of CPU).
# Prints one figure per line: name, value, target.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
JAR=target/vigil.jar
[ -f "$JAR" ] || make -s build >/dev/null
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'kill "$listener" 2>/dev/null || true; rm -rf "$work"' EXIT

# A listener on a free loopback port that writes the arrival time (ns) of each request, then answers 503.
python3 - "$work" <<'PY' &
import http.server, socketserver, sys, time, os
work = sys.argv[1]
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open(os.path.join(work, "arrivals"), "a") as f:
            f.write(f"{time.time_ns()}\n")
        self.send_response(503); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass
with socketserver.TCPServer(("127.0.0.1", 0), H) as s:
    open(os.path.join(work, "port"), "w").write(str(s.server_address[1]))
    s.serve_forever()
PY
listener=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")

samples=()
for _ in $(seq "$runs"); do
  rm -f "$work/arrivals"
  start=$(date +%s%N)
  CF_API="http://127.0.0.1:$port" CF_APPS_DOMAIN=apps.example.com CF_USERNAME=admin CF_PASSWORD=x \
    "${VIGIL_JAVA[@]}" -jar "$JAR" run --suites smoke --reports "$work/reports" >/dev/null 2>&1 || true
  first=$(head -1 "$work/arrivals")
  samples+=($(( (first - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${samples[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
printf '%-36s %8s ms   target < 3000 ms   (runs: %s)\n' "start-to-first-request (median)" "$median" "$(echo $sorted)"
figure "jar start to first CF request (median)" "$median ms" "< 3000 ms" "$(meets "$median" "<" 3000)"

start=$(date +%s%N)
"${VIGIL_JAVA[@]}" -jar "$JAR" run --sim --suites smoke --reports "$work/reports" >/dev/null 2>&1
v=$(( ($(date +%s%N) - start) / 1000000 ))
printf '%-36s %8s ms   target < 15000 ms\n' "run --sim --suites smoke (wall)" "$v"
figure "run --sim --suites smoke (wall)" "$v ms" "< 15000 ms" "$(meets "$v" "<" 15000)"
