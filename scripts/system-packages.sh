#!/usr/bin/env bash
# Makes sure the Debian packages given as arguments are installed: installs the missing ones
# when it can (root, as in CI), otherwise stops with the one command to run.
# Usage: scripts/system-packages.sh chromium npm redis-server nginx
set -euo pipefail

present() {
  case "$1" in
    chromium) [ -x /usr/bin/chromium ] ;;
    nginx) command -v nginx > /dev/null || [ -x /usr/sbin/nginx ] ;;
    *) command -v "$1" > /dev/null ;;
  esac
}

missing=()
for package in "$@"; do
  present "$package" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "Installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
else
  echo "Missing system packages: ${missing[*]}. Install them, then run make again:" >&2
  echo "    sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
