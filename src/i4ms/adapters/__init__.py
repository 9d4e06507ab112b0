"""Layer 6, adapters: hand the rendered site to an engine. ``mkdocs`` (the default build,
through ``hooks/``) is the only package that imports MkDocs or Material; ``export`` writes a
docs tree any MkDocs-compatible engine renders without our hooks."""
