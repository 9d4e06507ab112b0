#!/usr/bin/env bash
# Set up and build the site from content/ into site/ (or `scripts/build.sh serve` to preview).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
if [[ "${1:-}" == "serve" ]]; then
  exec .venv/bin/mkdocs serve
fi
.venv/bin/mkdocs build --strict
echo "built: $(pwd)/site/index.html"
