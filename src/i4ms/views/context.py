"""The one build object every generator receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from i4ms.graph import Graph
from i4ms.render.renderer import Renderer


@dataclass
class BuildContext:
    graph: Graph
    now: datetime
    site_url: str
    site_name: str = "I4MS portal"
    renderer: Renderer = field(default_factory=lambda: Renderer())
    content_dates: dict[str, datetime] = field(default_factory=dict)
    """Last commit of each content file, by path in the content folder (``calls/x.md``).

    Read by the adapter at the edge (git); empty outside a checkout. Feeds and the sitemap
    use it for real dates, never the build's ``now``."""
    site_description: str = ""
