"""Faceted search and Find support: records and lunr indexes built here, searched in the browser."""
