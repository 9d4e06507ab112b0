#!/usr/bin/env bash
# Set up a fresh machine: a virtualenv with the pinned packages, the npm packages pinned in
# package-lock.json (node_modules/, e.g. world-atlas for the map), and Debian's chromium for
# browser tests (never a downloaded browser). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1
if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
fi
.venv/bin/pip install -q -e '.[test]'
# Browser packages (lunr.js, Decap CMS, the map's Natural Earth shapes, axe-core, Lighthouse):
# from the npm registry, exactly as package-lock.json pins them; copied into the site at build
# time, never committed, never from a CDN.
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
# npm ci only when node_modules/ is missing or was installed from another package-lock.json.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ "$(cat node_modules/.i4ms-lock.sha256 2>/dev/null || true)" != "$lock_sum" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.i4ms-lock.sha256
fi
if [[ "${1:-}" == "--browser" ]] && ! command -v chromium >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
