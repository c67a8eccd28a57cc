#!/bin/bash
# Benchmark of gau-cdn against the local stack (ops/gau up; started here if it is not running):
#  1. cached-hit throughput of /images/<key> for a ~20 KB and a ~200 KB image, side by side with nginx serving
#     the same bytes from disk on another loopback port, same wrk settings, same run -> ratio (target >= 0.5).
#     Fair by construction: both servers are pinned to the same CPU set (BENCH_SERVER_CPUS, default the last
#     core) and nginx runs one worker per CPU of that set; wrk (keep-alive) is pinned to the other cores; both
#     are warmed up (the JVM for BENCH_WARMUP at full load, until the JIT has settled); and the two are
#     measured in BENCH_ROUNDS alternating rounds, the ratio being the median of the rounds, so that load
#     from other processes on a shared machine hits both alike.
#  2. upload throughput (PATCH /api/v2/upload/image) vs raw S3 PutObject of the same bytes
#  3. CDN origin-miss latency vs L1-hit latency
# usage (from the repository root; the stack ports are shared, so hold the lock):
#   flock /tmp/gau-stack.lock ops/bench/cdn/run.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
DUR=${BENCH_DURATION:-5s}; CONN=${BENCH_CONNECTIONS:-32}; NGINX_PORT=${NGINX_PORT:-18089}
ROUNDS=${BENCH_ROUNDS:-3}; WARMUP=${BENCH_WARMUP:-15s}
LAST=$(( $(nproc) - 1 ))
SERVER_CPUS=${BENCH_SERVER_CPUS:-$LAST}; CLIENT_CPUS=${BENCH_CLIENT_CPUS:-$([ "$LAST" -gt 0 ] && echo "0-$((LAST - 1))" || echo 0)}
ncpus() { local n=0 part; for part in ${1//,/ }; do if [[ $part == *-* ]]; then n=$((n + ${part#*-} - ${part%-*} + 1)); else n=$((n + 1)); fi; done; echo $n; }
WORKERS=$(ncpus "$SERVER_CPUS"); THREADS=${BENCH_THREADS:-$(ncpus "$CLIENT_CPUS")}
need() { command -v "$1" >/dev/null || { echo "installing $2"; (apt-get update -qq && apt-get install -y -qq "$2") >/dev/null; }; }
need wrk wrk; need nginx nginx
JAR=gau-upload/target/gau-upload.jar; [ -f "$JAR" ] || mvn -B -q -DskipTests install
W=$(mktemp -d)
cleanup() {
  kill "$(cat "$W/nginx.pid" 2>/dev/null)" 2>/dev/null || true
  [ -n "${CDN_PID:-}" ] && taskset -a -p -c "0-$LAST" "$CDN_PID" >/dev/null 2>&1   # give a shared stack its CPUs back
  [ -n "${STARTED:-}" ] && ops/gau down >/dev/null 2>&1
  rm -rf "$W"
}
trap cleanup EXIT

if [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8182/healthcheck)" != 200 ]; then
  echo "starting the local stack"; STARTED=1
  setsid ops/gau up >"$W/up.log" 2>&1 </dev/null &
  for _ in $(seq 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8182/healthcheck)" = 200 ] &&
      [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8183/healthcheck)" = 200 ] && break; sleep 3
  done
fi

java -Dlogback.configurationFile=ops/bench/cdn/logback.xml -cp "$JAR" ops/bench/cdn/CdnBench.java prepare "$W/www" >"$W/keys"
mkdir -p "$W/logs"
cat >"$W/nginx.conf" <<NGINX
worker_processes $WORKERS;
pid $W/nginx.pid;
error_log $W/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000; etag on;
  types { image/png png; }
  server { listen 127.0.0.1:$NGINX_PORT; root $W/www; }
}
NGINX
chmod -R a+rX "$W"   # nginx workers run as an unprivileged user
taskset -c "$SERVER_CPUS" nginx -c "$W/nginx.conf" -p "$W"
CDN_PID=$(head -n 1 "${GAU_DATA:-.gau}/pids/svc-cdn.pid" 2>/dev/null | tr -d '[:space:]')
[ -n "$CDN_PID" ] && kill -0 "$CDN_PID" 2>/dev/null || { echo "FAIL: no gau-cdn process (.gau/pids/svc-cdn.pid)"; exit 1; }
taskset -a -p -c "$SERVER_CPUS" "$CDN_PID" >/dev/null   # -a: every JVM thread, JIT and GC included
while read -r key size; do
  for url in "http://127.0.0.1:8082/images/$key" "http://127.0.0.1:$NGINX_PORT/images/$key"; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] || { echo "FAIL: $url is not 200"; exit 1; }
  done
done <"$W/keys"
rps() { taskset -c "$CLIENT_CPUS" wrk -t"$THREADS" -c"$CONN" -d"$1" "$2" | awk '/Requests\/sec/ {print $2}'; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "cached-hit throughput (wrk -t$THREADS -c$CONN keep-alive on CPUs $CLIENT_CPUS; gau-cdn and nginx ($WORKERS workers) both on CPUs $SERVER_CPUS;"
echo "  $ROUNDS alternating rounds of $DUR after warm-up; median ratio):"
while read -r key size; do
  cdn_url="http://127.0.0.1:8082/images/$key"; ngx_url="http://127.0.0.1:$NGINX_PORT/images/$key"
  rps "$WARMUP" "$cdn_url" >/dev/null; rps 2s "$ngx_url" >/dev/null   # L1, JIT; nginx's page cache
  : >"$W/rounds"
  for _ in $(seq "$ROUNDS"); do
    cdn=$(rps "$DUR" "$cdn_url"); ngx=$(rps "$DUR" "$ngx_url")
    echo "$cdn $ngx $(echo "$cdn / $ngx" | bc -l)" >>"$W/rounds"
  done
  printf '  %7d bytes: gau-cdn %8.0f req/s   nginx %8.0f req/s   ratio %.2f   (rounds: %s)\n' "$size" \
    "$(awk '{print $1}' "$W/rounds" | median)" "$(awk '{print $2}' "$W/rounds" | median)" \
    "$(awk '{print $3}' "$W/rounds" | median)" "$(awk '{printf "%s%.2f", (NR > 1 ? " " : ""), $3}' "$W/rounds")"
done <"$W/keys"
[ -n "${BENCH_SKIP_UPLOAD:-}" ] && exit 0
java -Dlogback.configurationFile=ops/bench/cdn/logback.xml -cp "$JAR" ops/bench/cdn/CdnBench.java measure "${BENCH_UPLOADS:-40}"
