#!/usr/bin/env bash
# Edit this clone in the browser: build the site, serve it on http://127.0.0.1:8000/ and start
# decap-server (the CMS's local backend, port 8081) so the forms at /admin/ write into
# content/ here. Nothing leaves your machine; commit and open a pull request as usual.
#   scripts/cms.sh            # then open http://127.0.0.1:8000/admin/
#   SITE_PORT=8010 scripts/cms.sh
# decap-server reads PORT (default 8081), BIND_HOST, GIT_REPO_DIRECTORY (default: here) and
# MODE (fs: write the files; the default). The admin page looks for it at localhost:8081.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/mkdocs build --strict -q
SITE_PORT="${SITE_PORT:-8000}"
.venv/bin/python -m http.server "$SITE_PORT" --bind 127.0.0.1 --directory site &
SITE_PID=$!
trap 'kill "$SITE_PID"' EXIT
echo "CMS: http://127.0.0.1:${SITE_PORT}/admin/ (writes into $(pwd)/content; Ctrl-C to stop)"
BIND_HOST=127.0.0.1 GIT_REPO_DIRECTORY="$(pwd)" node_modules/.bin/decap-server
