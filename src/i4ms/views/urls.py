"""Where every item lives. One scheme, used by pages, links, feeds and the open-data API.

Pages are Markdown source URIs (``experiments/fermicloud.md``) served as
directory URLs (``experiments/fermicloud/``); links are relative so the site works
under any base path (GitHub Pages project sites) and offline from disk.
"""

from __future__ import annotations

from i4ms.content.models.registry import COLLECTIONS

ITEM_FOLDERS = {name: collection.folder for name, collection in COLLECTIONS.items()}
"""Collection -> the site folder of its item pages: the content folder it is read from."""


def item_src(collection: str, item_id: str) -> str:
    return f"{ITEM_FOLDERS[collection]}/{item_id}.md"


def term_src(vocabulary: str, term_id: str) -> str:
    return f"{vocabulary}/{term_id}.md"


def url_of(src_uri: str) -> str:
    """Directory URL of a Markdown source path, relative to the site root."""
    if src_uri == "index.md":
        return ""
    if src_uri.endswith("/index.md"):
        return src_uri[: -len("index.md")]
    if src_uri.endswith(".md"):
        return src_uri[:-3] + "/"
    return src_uri


def item_url(collection: str, item_id: str) -> str:
    return url_of(item_src(collection, item_id))


def relative(from_src: str, to_url: str) -> str:
    """Link from the page built from ``from_src`` to a root-relative URL."""
    return ("../" * url_of(from_src).count("/") + to_url) or "./"


def absolute(site_url: str, to_url: str) -> str:
    return site_url.rstrip("/") + "/" + to_url
