#!/usr/bin/env bash
# Set up a fresh machine: a virtualenv with the pinned packages, and Debian's chromium for
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
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
if [[ "${1:-}" == "--browser" ]] && ! command -v chromium >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
