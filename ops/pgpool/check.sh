#!/usr/bin/env bash
# Proves that gau-authorization and gau-account work through a real pgpool2 in front of PostgreSQL, as in
# production: `db migrate` (twice: the second run is a no-op), then token issue/validate through the pool.
# Needs root (installs Debian's pgpool2 when missing), the machine's PostgreSQL on 127.0.0.1:5432 (trust)
# and Redis on 127.0.0.1:6379, and the built jars. Usage: ops/pgpool/check.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PORT=${GAU_PGPOOL_PORT:-59999}
WORK=$(mktemp -d /tmp/gau-pgpool.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/pgpool.pid" ] && kill "$(tr -d "\0" < "$WORK/pgpool.pid" | head -1)" 2>/dev/null || true
  sleep 1; rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v pgpool >/dev/null 2>&1; then
  echo "installing pgpool2 (Debian package)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q pgpool2 >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q pgpool2 >/dev/null; }
  # the package starts a system-wide pgpool on 5432's neighbour; we run our own instance only
  (service pgpool2 stop || pkill -x pgpool || true) >/dev/null 2>&1
fi

cat >"$WORK/pgpool.conf" <<CONF
backend_clustering_mode = 'raw'
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$WORK'
pcp_listen_addresses = ''
pcp_port = $((PORT + 1))
pcp_socket_dir = '$WORK'
backend_hostname0 = '127.0.0.1'
backend_port0 = 5432
backend_weight0 = 1
backend_flag0 = 'ALWAYS_PRIMARY|DISALLOW_TO_FAILOVER'
enable_pool_hba = off
# more pool children than a service's own connection pool (16), or its connections queue and time out
num_init_children = 40
max_pool = 1
connection_cache = on
load_balance_mode = off
health_check_period = 0
sr_check_period = 0
pid_file_name = '$WORK/pgpool.pid'
logdir = '$WORK'
log_destination = 'stderr'
CONF
: >"$WORK/pcp.conf"
pgpool -n -f "$WORK/pgpool.conf" -F "$WORK/pcp.conf" >"$WORK/pgpool.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.2; done
(exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null || { cat "$WORK/pgpool.log"; echo "FAIL: pgpool did not start"; exit 1; }

suffix=$$
for svc in authorization account; do
  db="gau_pgpool_${svc}_$suffix"
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" postgres
  for run in 1 2; do
    DB_URL="jdbc:postgresql://127.0.0.1:$PORT/$db" DB_USER=postgres REDIS_PORT=6379 \
      java -jar "gau-$svc/target/gau-$svc.jar" db migrate "config/local/$svc.yml" >"$WORK/migrate-$svc-$run.log" 2>&1 \
      || { tail -20 "$WORK/migrate-$svc-$run.log"; echo "FAIL: db migrate #$run of $svc through pgpool"; exit 1; }
  done
  echo "pgpool: $svc db migrate applied through pgpool, second run a no-op"
done

# the authorization service serving tokens with its database behind pgpool
adb="gau_pgpool_authorization_$suffix"
HTTP_PORT=58081 ADMIN_PORT=58181 DB_URL="jdbc:postgresql://127.0.0.1:$PORT/$adb" DB_USER=postgres \
  REDIS_HOST=127.0.0.1 REDIS_PORT=6379 \
  java -jar gau-authorization/target/gau-authorization.jar server config/local/authorization.yml >"$WORK/auth.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:58181/healthcheck)" = 200 ] && break; sleep 1; done
[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:58181/healthcheck)" = 200 ] \
  || { tail -30 "$WORK/auth.log"; echo "FAIL: authorization not healthy through pgpool"; exit 1; }
PK=$(grep -hoE 'PRIVATE_KEY:-[^}]+' config/local/authorization.yml | head -1 | sed 's/PRIVATE_KEY:-//')
U=$(cat /proc/sys/kernel/random/uuid)
out=$(curl -s -w '\n%{http_code}' -X POST http://127.0.0.1:58081/api/v2/authorization/token \
  -H "Private-Key: $PK" -H 'X-Device-ID: pgpool-check' -H 'Content-Type: application/json' \
  -d "{\"user_id\":\"$U\",\"permission\":\"member\"}")
[ "${out##*$'\n'}" = 200 ] || { echo "$out"; tail -20 "$WORK/auth.log"; echo "FAIL: token issue through pgpool"; exit 1; }
AT=$(echo "${out%$'\n'*}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
code=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:58081/api/v2/authorization/token/validate \
  -H "Private-Key: $PK" -H "Authorization: Bearer $AT")
[ "$code" = 200 ] || { echo "FAIL: validate through pgpool -> $code"; exit 1; }
for svc in authorization account; do psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS gau_pgpool_${svc}_$suffix WITH (FORCE)" postgres || true; done
echo "pgpool: migrations and token issue/validate work through a real pgpool2 $(pgpool --version 2>&1 | head -1)"
