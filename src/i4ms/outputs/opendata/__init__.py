"""Open data: the API, CSV, feeds, calendars and sharing metadata, made from the resolved graph.

Every module here is pure: it reads the :class:`~i4ms.views.context.BuildContext` and returns
text (or bytes). The generators in :mod:`i4ms.outputs.pages.opendata` and
:mod:`i4ms.outputs.pages.sharing` decide where it is written. No MkDocs, no file reading,
except :mod:`i4ms.content.gitdates`, which the MkDocs adapter calls once at the edge.
"""
