#!/usr/bin/env bash
# The engines besides MkDocs 1.6.1 that CI proves the site on, each in its own virtualenv so
# that nothing of theirs reaches .venv/ (where `mkdocs build` with our hooks is the default):
#
#   .venv-properdocs/  ProperDocs 1.6.7 (a maintained continuation of MkDocs 1.6) with
#                      Material 9.8.2 and this package: renders `i4ms export`'s tree, and
#                      builds the repository's mkdocs.yml with our hooks (`properdocs build`).
#                      MkDocs itself is removed from it, so ProperDocs is what runs.
#   .venv-zensical/    Zensical 0.0.73 (Material's successor; runs no hooks): renders the
#                      exported tree only.
#
# Every version is pinned exactly; a venv is remade only when its pins change. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1

PROPERDOCS_PINS=(properdocs==1.6.7 mkdocs-material==9.8.2)
ZENSICAL_PINS=(zensical==0.0.73)

# make_venv NAME EXTRA PINS...: .venv-NAME with PINS (and this package when EXTRA is "self").
make_venv() {
  local name=$1 self=$2
  shift 2
  local dir=".venv-$name" stamp
  stamp="$* self=$self $(sha256sum pyproject.toml | cut -d' ' -f1)"
  if [[ -x "$dir/bin/python" && "$(cat "$dir/.i4ms-pins" 2>/dev/null || true)" == "$stamp" ]]; then
    return
  fi
  echo "== $dir: $*"
  python3 -m venv --clear "$dir"
  if [[ "$self" == "self" ]]; then
    "$dir/bin/pip" install -q "$@" -e .
  else
    "$dir/bin/pip" install -q "$@"
  fi
  echo "$stamp" > "$dir/.i4ms-pins"
}

make_venv properdocs self "${PROPERDOCS_PINS[@]}"
# Material and this package ask for mkdocs; ProperDocs answers every `import mkdocs.*` itself.
# Removed, so that a build in this venv cannot quietly be an MkDocs build.
if [[ -d .venv-properdocs/lib ]] && .venv-properdocs/bin/python -c "import importlib.util as u, sys; sys.exit(u.find_spec('mkdocs') is None)"; then
  .venv-properdocs/bin/pip uninstall -q -y mkdocs
fi
make_venv zensical - "${ZENSICAL_PINS[@]}"
