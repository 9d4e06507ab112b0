"""Commands for contributors and CI (validate, schema, new, fieldref). Tools may import any
layer; no layer imports tools."""
