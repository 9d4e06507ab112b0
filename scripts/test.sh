#!/usr/bin/env bash
# The whole test suite, as CI runs it: content checks, lint, unit, end-to-end and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
# ProperDocs + Material and Zensical, pinned, each in its own venv: tests/adapters/export builds
# `i4ms export`'s tree with both and our hooks on ProperDocs (and fail if a venv is missing).
bash scripts/engines.sh
export NO_MKDOCS_2_WARNING=1
echo "== i4ms validate content/"
.venv/bin/i4ms validate content/
echo "== i4ms schema --check"
.venv/bin/i4ms schema --check
echo "== i4ms cms --check"
.venv/bin/i4ms cms --check
echo "== lint-imports (layers import downwards only; MkDocs and Material in the adapter alone)"
.venv/bin/lint-imports --no-cache
echo "== ruff"
.venv/bin/ruff check src hooks tests bench
echo "== pytest"
.venv/bin/pytest -q -n 2 "$@"
