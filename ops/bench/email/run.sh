#!/usr/bin/env bash
# gau-email throughput: mails/s through the whole path (publish -> consume -> render -> SMTP) vs the same
# mails sent straight to the same SMTP server with simple-java-mail, measured in the same run.
# Needs the local stack: run from the repository root, under the stack lock, e.g.
#   mvn -B -q -DskipTests install && flock /tmp/gau-stack.lock sh -c 'ops/bench/email/run.sh; ops/gau down'
# usage: ops/bench/email/run.sh [N=1000]   (starts `ops/gau up` itself when the stack is not running)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
N="${1:-1000}"
JAR=gau-email/target/gau-email.jar
[[ -f "$JAR" ]] || { echo "build first: mvn -B -q -DskipTests install" >&2; exit 1; }
healthy() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 http://127.0.0.1:8184/healthcheck)" == 200 ]]; }
if ! healthy; then
  setsid ops/gau up >"${TMPDIR:-/tmp}/gau-bench-email-up.log" 2>&1 </dev/null &
  for _ in $(seq 1 100); do healthy && break; sleep 3; done
  healthy || { echo "gau-email did not become healthy (see ${TMPDIR:-/tmp}/gau-bench-email-up.log)" >&2; exit 1; }
fi
# the jar's libraries log at DEBUG without a configuration: keep the output to the numbers and warnings
LOGBACK="$(mktemp --suffix=.xml)"; trap 'rm -f "$LOGBACK"' EXIT
cat >"$LOGBACK" <<'XML'
<configuration><appender name="E" class="ch.qos.logback.core.ConsoleAppender"><target>System.err</target>
<encoder><pattern>%-5p %c{1}: %m%n</pattern></encoder></appender><root level="WARN"><appender-ref ref="E"/></root></configuration>
XML
java -Dlogback.configurationFile="$LOGBACK" -cp "$JAR" ops/bench/email/EmailBench.java "$N" \
  "${GAU_AMQP_URL:-amqp://guest:guest@127.0.0.1:56720/}" "${GAU_SMTP_PORT:-2525}" 8184 "${EMAIL_CONCURRENCY:-4}"
