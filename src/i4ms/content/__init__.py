"""Layer 1, content: what contributors write (models) and how it is read (YAML 1.2 loader,
problems, Markdown bodies). Imports no other layer."""
