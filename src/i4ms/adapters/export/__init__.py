"""The second engine adapter: ``i4ms export DIR`` writes the site as a plain docs tree.

Markdown pages whose front matter holds our metadata and whose body is our rendered HTML,
every file of the plan, the hand-written ``docs/`` pages and an ``mkdocs.yml`` without
hooks, so that any MkDocs-compatible engine (ProperDocs, Zensical) renders the same pages
MkDocs gets from our hooks. It knows neither MkDocs nor Material: only their file formats.
"""
