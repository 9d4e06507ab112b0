"""The one build object every generator receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from i4ms.content.npm import find_node_modules
from i4ms.graph import Graph


@dataclass
class BuildContext:
    graph: Graph
    now: datetime
    site_url: str
    site_name: str = "I4MS portal"
    content_dates: dict[str, datetime] = field(default_factory=dict)
    """Last commit of each content file, by path in the content folder (``calls/x.md``).

    Read by the adapter at the edge (git); empty outside a checkout. Feeds and the sitemap
    use it for real dates, never the build's ``now``."""
    site_description: str = ""
    node_modules: Path | None = None
    """The npm packages the site copies in; None: found from the working directory up."""
    written_pages: Path | None = None
    """The engine's folder of hand-written Markdown pages (``docs/``), which the site search
    indexes beside ours; None: there are none."""

    def packages(self) -> Path:
        if self.node_modules is None:
            self.node_modules = find_node_modules()
        return self.node_modules
