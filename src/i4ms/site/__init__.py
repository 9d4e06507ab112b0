"""Generators: turn the resolved graph into pages and files. No MkDocs, no file reading here."""
