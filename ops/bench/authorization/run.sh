#!/usr/bin/env bash
# gau-authorization benchmark. Prints:
#  - validate throughput over HTTP vs the same server's admin /ping in the same run (ratio), with the
#    service JVM pinned to ONE core (taskset) and wrk on the other;
#  - issue (POST /token) and refresh (GET /token/renew, rotation on every call) throughput over HTTP;
#  - in-process verify ops/s on one thread (distinct tokens / repeated tokens).
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
W() { taskset -c "$LOADCPU" wrk -t1 -c"$CONNS" -d"$DURATION" "$@"; }

W http://127.0.0.1:8181/ping >"$TMP/warm" 2>&1
W -H "Private-Key: $PK" -H "Authorization: Bearer $AT" "$A/token/validate" >"$TMP/warm" 2>&1
W http://127.0.0.1:8181/ping >"$TMP/ping"
W -H "Private-Key: $PK" -H "Authorization: Bearer $AT" "$A/token/validate" >"$TMP/validate"
grep -q "Non-2xx" "$TMP/validate" && { echo "validate returned errors:"; cat "$TMP/validate"; exit 1; }
PING=$(rps "$TMP/ping"); VAL=$(rps "$TMP/validate")
echo "HTTP $ONE, wrk -c$CONNS -d$DURATION:"
printf '  admin /ping            %10.0f req/s (baseline)\n' "$PING"
printf '  GET /token/validate    %10.0f req/s  ratio %.2f of ping\n' "$VAL" "$(echo "$VAL / $PING" | bc -l)"

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
W -s "$TMP/issue.lua" "$A/token" >"$TMP/issue"
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
