"""lunr.js 2.3.9, taken at build time from the installed mkdocs package (never committed).

The file is located through the package's import spec, which reads no mkdocs code: the
core stays free of MkDocs while the browser gets the exact lunr.js whose index format
the Python ``lunr`` package writes.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

LUNR_VERSION = "2.3.9"
LUNR_JS_PATH = f"assets/i4ms/lunr-{LUNR_VERSION}.js"
_IN_MKDOCS = ("contrib", "search", "templates", "search", "lunr.js")


class VendorError(RuntimeError):
    pass


def lunr_js_file() -> Path:
    spec = importlib.util.find_spec("mkdocs")
    if spec is None or not spec.submodule_search_locations:
        raise VendorError("lunr.js: the mkdocs package is not installed (pip install -e '.[test]')")
    return Path(next(iter(spec.submodule_search_locations)), *_IN_MKDOCS)


def lunr_js() -> bytes:
    path = lunr_js_file()
    if not path.is_file():
        raise VendorError(f"lunr.js: not found at {path}; is mkdocs 1.6.1 installed?")
    data = path.read_bytes()
    if f" - {LUNR_VERSION}".encode() not in data[:400]:
        raise VendorError(f"lunr.js at {path} is not version {LUNR_VERSION}, the index format we write")
    return data
