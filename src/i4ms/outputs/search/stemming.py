"""The Porter stemmer of the ``lunr`` package, memoised per word.

Building the site search index stems every token of every page: at 1,000 items that is
150,000 calls for a few thousand distinct words, and it was most of the index's build time.
The stemmer is a pure function of the word, so caching it changes no index byte.
"""

from __future__ import annotations

from functools import cache

from lunr import stemmer as _lunr_stemmer

_stem = _lunr_stemmer.porter_stemmer.stem


@cache
def _stem_word(word: str) -> str:
    return _stem(word)


def memoise_stemmer() -> None:
    """lunr's pipeline calls ``porter_stemmer.stem(word, metadata)`` through the instance."""
    _lunr_stemmer.porter_stemmer.stem = lambda word, metadata=None: _stem_word(word)
