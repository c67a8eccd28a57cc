#!/bin/sh
# Installs Debian's headless-capable Chromium for PagesRenderInChromiumIT (CI calls this before the
# integration tests; without /usr/bin/chromium the IT is skipped). Needs root, as CI and sessions are.
set -eu
if [ -x /usr/bin/chromium ]; then
  /usr/bin/chromium --version 2>/dev/null || true
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium
/usr/bin/chromium --version
