#!/usr/bin/env bash
# The widget's browser tests: Debian's Chromium (Playwright never downloads a browser) and
# axe-core from npm (tests/browser/package-lock.json). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm > /dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
