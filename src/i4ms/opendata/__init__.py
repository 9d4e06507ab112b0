"""Open data: the API, CSV, feeds, calendars and sharing metadata, made from the resolved graph.

Every module here is pure: it reads the :class:`~i4ms.site.context.BuildContext` and returns
text (or bytes). The generators in :mod:`i4ms.site.generators.opendata` and
:mod:`i4ms.site.generators.sharing` decide where it is written. No MkDocs, no file reading,
except :mod:`i4ms.opendata.gitdates`, which the MkDocs adapter calls once at the edge.
"""
