#!/bin/bash
# Benchmark of gau-cdn against the local stack (ops/gau up; started here if it is not running):
#  1. cached-hit throughput of /images/<key> for a ~20 KB and a ~200 KB image, side by side with nginx serving
#     the same bytes from disk on another loopback port, same wrk settings, same run -> ratio (target >= 0.5)
#  2. upload throughput (PATCH /api/v2/upload/image) vs raw S3 PutObject of the same bytes
#  3. CDN origin-miss latency vs L1-hit latency
# usage (from the repository root; the stack ports are shared, so hold the lock):
#   flock /tmp/gau-stack.lock ops/bench/cdn/run.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
DUR=${BENCH_DURATION:-10s}; CONN=${BENCH_CONNECTIONS:-32}; THREADS=${BENCH_THREADS:-2}; NGINX_PORT=${NGINX_PORT:-18089}
need() { command -v "$1" >/dev/null || { echo "installing $2"; (apt-get update -qq && apt-get install -y -qq "$2") >/dev/null; }; }
need wrk wrk; need nginx nginx
JAR=gau-upload/target/gau-upload.jar; [ -f "$JAR" ] || mvn -B -q -DskipTests install
W=$(mktemp -d); trap 'kill "$(cat "$W/nginx.pid" 2>/dev/null)" 2>/dev/null || true; [ -n "${STARTED:-}" ] && ops/gau down >/dev/null 2>&1; rm -rf "$W"' EXIT

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
worker_processes auto;
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
nginx -c "$W/nginx.conf" -p "$W"
while read -r key size; do
  for url in "http://127.0.0.1:8082/images/$key" "http://127.0.0.1:$NGINX_PORT/images/$key"; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] || { echo "FAIL: $url is not 200"; exit 1; }
  done
done <"$W/keys"
rps() { wrk -t"$THREADS" -c"$CONN" -d"$DUR" "$1" | awk '/Requests\/sec/ {print $2}'; }
echo "cached-hit throughput (wrk -t$THREADS -c$CONN -d$DUR, same machine, same run):"
while read -r key size; do
  wrk -t1 -c4 -d2s "http://127.0.0.1:8082/images/$key" >/dev/null   # warm L1 and the JIT
  cdn=$(rps "http://127.0.0.1:8082/images/$key"); ngx=$(rps "http://127.0.0.1:$NGINX_PORT/images/$key")
  printf '  %7d bytes: gau-cdn %10.0f req/s   nginx %10.0f req/s   ratio %.2f\n' "$size" "$cdn" "$ngx" "$(echo "$cdn / $ngx" | bc -l)"
done <"$W/keys"
java -Dlogback.configurationFile=ops/bench/cdn/logback.xml -cp "$JAR" ops/bench/cdn/CdnBench.java measure "${BENCH_UPLOADS:-40}"
