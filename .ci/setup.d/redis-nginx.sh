#!/usr/bin/env bash
# Redis and nginx binaries for tests/test_scaled.py and `make run-scaled`. The tests start their
# own instances on loopback (free ports, temporary directories); the system services are unused.
set -euo pipefail
missing=()
command -v redis-server > /dev/null || missing+=(redis-server)
command -v nginx > /dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
redis-server --version
/usr/sbin/nginx -v 2>&1 || nginx -v
