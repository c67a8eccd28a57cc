#!/bin/bash
# Benchmark of gau-account on the local stack, against baselines measured in the same run:
#  1. logins/s through HTTP (POST /basic/login under wrk, token pair from gau-authorization) vs raw
#     argon2id verifications/s with the same parameters, concurrency cap and JVM flags, measured before
#     and after the logins (target ratio >= 0.85), and the CPU each process spends per login; then the
#     account service on a core of its own (the rest of the stack and wrk on the other core) against raw
#     argon2id on that same core, alternating in rounds (median ratio), with the JIT's share per login;
#  2. user enumeration by timing: median latency of unknown-user vs wrong-password logins over 200
#     tries each (target difference < 5 ms).
# Starts the stack itself (under /tmp/gau-stack.lock) with brute-force limits raised so that the
# deliberate failures are not throttled, and stops it afterwards.
# usage: ops/bench/account/run.sh [seconds]   (from the repository root; jars built with mvn -DskipTests install)
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_PER_RUN=${1:-15}
if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"; (apt-get install -y wrk >/dev/null 2>&1 || sudo apt-get install -y wrk >/dev/null)
fi
export LOGIN_ACCOUNT_FREE_FAILURES=1000000 LOGIN_IP_FREE_FAILURES=1000000
exec flock /tmp/gau-stack.lock python3 ops/bench/account/bench.py "$SECONDS_PER_RUN"
