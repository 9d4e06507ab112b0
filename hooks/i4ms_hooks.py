"""MkDocs hook shim: the logic lives in the installed ``i4ms`` package.

A hook file cannot use relative imports, so this only re-exports the handlers.
"""

from i4ms.adapters.mkdocs.adapter import (
    on_build_error,
    on_config,
    on_env,
    on_files,
    on_nav,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_serve,
    on_shutdown,
    on_startup,
)

__all__ = [
    "on_build_error",
    "on_config",
    "on_env",
    "on_files",
    "on_nav",
    "on_page_context",
    "on_page_markdown",
    "on_post_build",
    "on_post_page",
    "on_serve",
    "on_shutdown",
    "on_startup",
]
