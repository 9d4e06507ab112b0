"""Helpers the test folders share (site builds, a local server, the running interpreter's
tools). Importable as ``helpers``: pyproject's pytest ``pythonpath`` puts ``tests/`` on the
path, so no test edits ``sys.path``."""
