"""The I4MS portal: content models, the cross-reference graph and the site generators.

Nothing in this package imports MkDocs except :mod:`i4ms.adapters.mkdocs.adapter`, so the
core survives a move to another generator.
"""

__version__ = "0.1.0"
