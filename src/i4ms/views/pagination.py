"""Bounded listing pages: no collection page grows with the size of the site."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

PER_PAGE = 48


@dataclass(frozen=True)
class Pager(Generic[T]):
    items: Sequence[T]
    number: int
    count: int
    src_uri: str
    folder: str

    def url_of(self, number: int) -> str:
        return self.folder + ("" if number == 1 else f"page/{number}/")

    @property
    def pages(self) -> list[tuple[int, str]]:
        return [(n, self.url_of(n)) for n in range(1, self.count + 1)]


def paginate(items: Sequence[T], folder: str, per_page: int = PER_PAGE) -> list[Pager[T]]:
    """``folder`` is the listing's root-relative URL, e.g. ``best-practices/``."""
    count = max(1, -(-len(items) // per_page))
    out = []
    for n in range(1, count + 1):
        src = f"{folder}index.md" if n == 1 else f"{folder}page/{n}.md"
        out.append(Pager(items[(n - 1) * per_page : n * per_page], n, count, src, folder))
    return out
