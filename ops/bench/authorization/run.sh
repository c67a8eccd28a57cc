#!/usr/bin/env bash
# gau-authorization benchmark. Prints:
#  - validate throughput over HTTP vs the same server's admin /ping in the same run (ratio), with the
#    service JVM pinned to ONE core (taskset) and wrk on the other; ping and validate alternate in short
#    rounds after a warm-up, and the median of the per-round ratios is the result;
#  - issue (POST /token) and refresh (GET /token/renew, rotation on every call) throughput over HTTP;
#  - in-process verify ops/s on one thread (distinct tokens / repeated tokens), and OpenSSL's native P-256
#    verify rate on the same machine (the ceiling for distinct tokens).
# Needs the local stack (`ops/gau up`); starts it (and stops it afterwards) when it is not running.
# Run it under the stack lock:  flock /tmp/gau-stack.lock ops/bench/authorization/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
DURATION=${BENCH_DURATION:-10s}
CONNS=${BENCH_CONNECTIONS:-16}
A=http://127.0.0.1:8081/api/v2/authorization
PK=$(grep -hoE 'PRIVATE_KEY:-[^}]+' config/local/authorization.yml | head -1 | sed 's/PRIVATE_KEY:-//')
PK=${GAU_PRIVATE_KEY:-$PK}
TMP=$(mktemp -d)
STARTED=""

cleanup() {
  [ -n "${PINNED:-}" ] && taskset -a -p -c "0-$(($(nproc) - 1))" "$PINNED" >/dev/null 2>&1 || true
  if [ -n "$STARTED" ]; then ops/gau down >/dev/null 2>&1 || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"; (apt-get install -y wrk >/dev/null 2>&1 || sudo apt-get install -y wrk >/dev/null)
fi
if [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8181/healthcheck)" != 200 ]; then
  echo "starting the local stack (ops/gau up, services: ${GAU_SERVICES:-authorization})"
  GAU_SERVICES=${GAU_SERVICES:-authorization} setsid ops/gau up >"$TMP/up.log" 2>&1 </dev/null &
  STARTED=1
  for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8181/healthcheck)" = 200 ] && break; sleep 3
  done
  if [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8181/healthcheck)" != 200 ]; then
    echo "the local stack did not become healthy:"; tail -20 "$TMP/up.log"; exit 1
  fi
fi

issue() {
  curl -s -X POST "$A/token" -H "Private-Key: $PK" -H "X-Device-ID: bench" -H "Content-Type: application/json" \
    -d "{\"user_id\":\"$(cat /proc/sys/kernel/random/uuid)\",\"permission\":\"member\"}"
}
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }

AT=$(issue | field access_token)

# pin the authorization JVM to core 0; wrk runs on the other core(s)
PINNED=$(pgrep -f 'gau-authorization.jar server' | head -1 || true)
CORES=$(nproc)
if [ -n "$PINNED" ] && [ "$CORES" -gt 1 ]; then
  taskset -a -p -c 0 "$PINNED" >/dev/null; LOADCPU="1-$((CORES - 1))"; ONE="(service pinned to 1 core)"
else
  LOADCPU="0-$((CORES - 1))"; ONE="(service not pinned)"
fi
W() { local duration=$1; shift; taskset -c "$LOADCPU" wrk -t1 -c"$CONNS" -d"$duration" "$@"; }
median() { sort -n -k"$1" "$2" | awk -v k="$1" '{a[NR] = $k} END {print a[int((NR + 1) / 2)]}'; }

# warm-up: C2 is still compiling the request path after 10 s (CPU per request keeps falling), so 20 s each
WARM=${BENCH_WARMUP:-20s}
W "$WARM" http://127.0.0.1:8181/ping >"$TMP/warm" 2>&1
W "$WARM" -H "Private-Key: $PK" -H "Authorization: Bearer $AT" "$A/token/validate" >"$TMP/warm" 2>&1
# This VM's speed drifts by 2-4x within minutes, so ping and validate alternate in short rounds and each
# round's ratio is taken from adjacent measurements; the median of the rounds is the result. CPU time
# of the pinned service per request is printed beside the rates (it drifts as well).
ROUNDS=${BENCH_ROUNDS:-7}
cpu_ticks() { [ -n "${PINNED:-}" ] && awk '{print $14 + $15}' "/proc/$PINNED/stat" || echo 0; }
measure() {  # output file, wrk args... -> "req/s cpu-us-per-request"
  local out=$1; shift
  local before after
  before=$(cpu_ticks)
  W "${ROUND_DURATION:-3s}" "$@" >"$out"
  after=$(cpu_ticks)
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" '/requests in/ {n = $1} /Requests\/sec/ {r = $2}
    END {printf "%.0f %.1f\n", r, n ? t * 1e6 / hz / n : 0}' "$out"
}
: >"$TMP/rounds"
for _ in $(seq 1 "$ROUNDS"); do
  read -r P PC <<<"$(measure "$TMP/ping" http://127.0.0.1:8181/ping)"
  read -r V VC <<<"$(measure "$TMP/validate" -H "Private-Key: $PK" -H "Authorization: Bearer $AT" "$A/token/validate")"
  grep -q "Non-2xx" "$TMP/validate" && { echo "validate returned errors:"; cat "$TMP/validate"; exit 1; }
  echo "$P $PC $V $VC" | awk '{printf "%s %s %s %s %.3f\n", $1, $2, $3, $4, $3 / $1}' >>"$TMP/rounds"
done
echo "HTTP $ONE, wrk -c$CONNS, $ROUNDS alternating rounds of ${ROUND_DURATION:-3s}:"
echo "  round   ping req/s (CPU us/req)   validate req/s (CPU us/req)   ratio"
awk '{printf "  %5d %12s (%6s) %16s (%6s) %14s\n", NR, $1, $2, $3, $4, $5}' "$TMP/rounds"
PING=$(median 1 "$TMP/rounds")
printf '  median ratio validate/ping: %s (target >= 0.5)\n' "$(median 5 "$TMP/rounds")"

cat >"$TMP/issue.lua" <<LUA
wrk.method = "POST"
wrk.headers["Private-Key"] = "$PK"
wrk.headers["X-Device-ID"] = "bench"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local u = string.format("%08x-%04x-4%03x-a%03x-%012x", math.random(0, 0xffffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), math.random(0, 0xfff), math.random(0, 0xffffffffffff))
  return wrk.format(nil, nil, nil, '{"user_id":"' .. u .. '","permission":"member"}')
end
LUA
W "$DURATION" -s "$TMP/issue.lua" "$A/token" >"$TMP/issue"
grep -q "Non-2xx" "$TMP/issue" && { echo "issue returned errors:"; cat "$TMP/issue"; exit 1; }
printf '  POST /token (issue)    %10.0f req/s  ratio %.2f of ping\n' "$(rps "$TMP/issue")" "$(echo "$(rps "$TMP/issue") / $PING" | bc -l)"

# refresh: one session per connection, each response's refresh token is the next request's
: >"$TMP/tokens"
for _ in $(seq 1 "$CONNS"); do issue | field refresh_token >>"$TMP/tokens"; done
cat >"$TMP/renew.lua" <<LUA
local tokens = {}
for line in io.lines("$TMP/tokens") do tokens[#tokens + 1] = line end
local next_id = 0
setup = function(thread) end
init = function(args) end
local current = {}
request = function()
  next_id = next_id % #tokens + 1
  local slot = next_id
  current[#current + 1] = slot
  return wrk.format("GET", nil, {["Private-Key"] = "$PK", ["X-Device-ID"] = "bench", ["X-Refresh-Token"] = tokens[slot]}, nil)
end
response = function(status, headers, body)
  local slot = table.remove(current, 1)
  local t = body and body:match('"refresh_token":"([^"]+)"')
  if t and slot then tokens[slot] = t end
end
LUA
taskset -c "$LOADCPU" wrk -t1 -c1 -d"$DURATION" -s "$TMP/renew.lua" "$A/token/renew" >"$TMP/renew"
NON2XX=$(awk '/Non-2xx/ {print $NF}' "$TMP/renew"); NON2XX=${NON2XX:-0}
printf '  GET /token/renew       %10.0f req/s  (1 connection, sequential rotation; non-2xx: %s)\n' "$(rps "$TMP/renew")" "$NON2XX"

# restore the service's affinity before the in-process run
[ -n "${PINNED:-}" ] && taskset -a -p -c "0-$((CORES - 1))" "$PINNED" >/dev/null && PINNED=""
if [ ! -d gau-authorization/target/test-classes ]; then mvn -B -q -o -pl gau-authorization test-compile; fi
echo "in-process, one thread:"
taskset -c 1 java -cp gau-authorization/target/test-classes:gau-authorization/target/gau-authorization.jar \
  io.gau.authorization.core.ValidateBenchmark 20000 | sed 's/^/  /'
# the same machine's native ceiling for the in-process numbers: OpenSSL's ES256 (P-256) verifications on one core
if command -v openssl >/dev/null; then
  taskset -c "$LOADCPU" openssl speed -seconds 3 ecdsap256 2>/dev/null |
    awk '/nistp256/ {printf "  OpenSSL native P-256 verify on this machine: %.0f/s per core (the ceiling for distinct tokens)\n", $NF}'
fi
