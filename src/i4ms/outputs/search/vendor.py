"""lunr.js 2.3.9, the browser half of the collection search: the exact version whose index
format the Python ``lunr`` package writes, from the npm registry (see :mod:`i4ms.content.npm`).
"""

from __future__ import annotations

from pathlib import Path

from i4ms.content.npm import NpmError, package_file

LUNR_VERSION = "2.3.9"
LUNR_JS_PATH = f"assets/i4ms/lunr-{LUNR_VERSION}.js"


class VendorError(NpmError):
    pass


def lunr_js(node_modules: Path) -> bytes:
    data = package_file(node_modules, "lunr", "lunr.js")
    if f" - {LUNR_VERSION}".encode() not in data[:400]:
        raise VendorError(f"lunr.js in {node_modules} is not version {LUNR_VERSION}, the index "
                          "format we write")
    return data
