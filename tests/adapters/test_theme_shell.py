"""Our pages' theme output rendered once per kind of page and filled in: the same bytes as the
theme's own page, checked before it is trusted, and never used where it would differ (whole
builds with and without are compared in tests/e2e_site/test_theme_cache.py)."""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import DictLoader, Environment

from i4ms.adapters.mkdocs.theme_shell import CHECKS, ThemeShells

MAIN = ('<title>{{ page.meta.title }} - Portal</title>'
        '{% if page.meta.description %}<meta name="description" content="{{ page.meta.description }}">'
        '{% endif %}<link rel="canonical" href="{{ page.canonical_url }}">{{ page.meta.i4ms_head }}'
        '{% if "<h1" not in page.content %}<h1>{{ page.title }}</h1>{% endif %}{{ page.content }}')


class _Page:
    def __init__(self, n: int, content: str, folder: str = "experiments") -> None:
        self.file = SimpleNamespace(src_uri=f"{folder}/e{n}.md")
        self.url = f"{folder}/e{n}/"
        self.meta = {"title": f"Story &amp; {n}", "description": f"About {n}",
                     "i4ms_head": f'<meta property="og:title" content="Story {n}">',
                     "i4ms_kind": "experiment", "template": "i4ms_page.html"}
        self.canonical_url = f"https://example.invalid/{self.url}"
        self.content = content
        self.toc = []
        self.previous_page = self.next_page = None
        self.is_homepage = False

    @property
    def title(self) -> str:
        return self.meta["title"]


def _build(main: str, pages: list[_Page]) -> tuple[list[str | None], list[str]]:
    """(filled output or None per page, the theme's own output per page), as a build runs."""
    env = Environment(loader=DictLoader({"main.html": main}))
    shells = ThemeShells(env, nav_pages=set())
    filled, own = [], []
    for page in pages:
        context = {"page": page}
        got = shells.output(page, context)
        real = env.get_template("main.html").render(context)
        if got is None:
            shells.rendered(page, real)  # rendered as usual: on_post_page
        filled.append(got)
        own.append(real)
    return filled, own


def test_pages_after_the_checked_ones_are_filled_in_with_the_themes_bytes() -> None:
    pages = [_Page(n, f"<h1>Story {n}</h1><p>{'x' * n}</p>") for n in range(6)]
    filled, own = _build(MAIN, pages)
    assert filled[:CHECKS] == [None] * CHECKS  # rendered and compared first
    assert filled[CHECKS:] == own[CHECKS:]
    # the stand-ins never leak, and the pages were put back as they were
    assert all("\x00" not in page.content and "\x00" not in page.meta["title"] for page in pages)


def test_a_page_without_its_own_heading_gets_the_themes_heading() -> None:
    pages = [_Page(n, f"<p>{n}</p>") for n in range(4)] + [_Page(9, "<h1>Own</h1>")]
    filled, own = _build(MAIN, pages)
    assert filled[CHECKS:4] == own[CHECKS:4] and "<h1>Story &amp; 3</h1>" in filled[3]
    assert filled[4] is None  # another key: checked first


def test_a_theme_that_transforms_a_value_is_never_filled_in() -> None:
    pages = [_Page(n, "<h1>x</h1>") for n in range(6)]
    filled, _ = _build(MAIN.replace("{{ page.meta.title }}", "{{ page.meta.title | upper }}"), pages)
    assert filled == [None] * 6
