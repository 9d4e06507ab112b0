"""What Material needs from us per page: escaped meta, and its repeated blocks cached."""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from i4ms.adapters.mkdocs.theme_chrome import ChromeCache
from i4ms.outputs.plan import PagePlan
from i4ms.outputs.sections import section_of

TEMPLATES = Path(__file__).parent / "templates"


def add_theme_templates(config: MkDocsConfig) -> None:
    """``i4ms_chrome.html`` (the cached blocks) after ``overrides/``, before the theme."""
    dirs = config.theme.dirs
    if str(TEMPLATES) not in dirs:
        dirs.insert(1 if dirs and config.theme.custom_dir else 0, str(TEMPLATES))


def set_page_meta(page: Page, plan: PagePlan) -> None:
    # Material prints page.meta.title and description unescaped: give it escaped text.
    page.meta["title"] = str(escape(plan.title))
    if plan.description:
        page.meta["description"] = str(escape(plan.description))
    page.meta["i4ms_kind"] = plan.kind
    section = section_of(plan.src_uri)
    if section is not None:  # the tab to highlight (overrides/partials/tabs-item.html)
        page.meta["i4ms_section"] = section


def install_cache(env, nav_pages: set[str], enabled: bool) -> None:
    """``extra.i4ms_theme_cache: false`` gives no keys: every block renders every time."""
    env.globals["i4ms_chrome"] = ChromeCache(nav_pages, enabled=enabled)
