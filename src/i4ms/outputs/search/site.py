"""The site-wide search: one entry per page, its own words only, in files fetched on demand.

Nothing here is fetched on page load; the header search script asks for these files only
when a visitor first opens search. Two tiers keep the first result small at any size:

- ``search/site/titles.json``: one record per page (kind, title, URL, one line of summary,
  badges; a call's instants and deadline). The browser matches typed words against the
  title and line words of these records, so the first results need this file alone.
- ``search/site/text-N.json``: lunr indexes (built here, never in the browser) of each
  page's own words, sharded by kind and, for the big kinds, by :data:`SHARD` entries. The
  browser fetches them after the first results are on screen and re-ranks with them.

An entry holds what its page itself says: an item's title, summary, names and body; a
listing or term page's title and description, never the cards, tables or select options it
shows, so a story word finds the story, and an organisation has one entry.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from i4ms.content.markdown import render_markdown
from i4ms.graph.call_status import closes_at, opens_at
from i4ms.graph.event_time import ends_at, starts_at
from i4ms.outputs.plan import Asset, SitePlan
from i4ms.outputs.search.lunr_node import embed, start_indexes
from i4ms.outputs.search.payload import SIGNIFICANT, ref
from i4ms.views.context import BuildContext
from i4ms.views.dates import deadline_text
from i4ms.views.links import country_name, experiment_badges, organisation_badges
from i4ms.views.urls import item_src, url_of

FORMAT = 1
FOLDER = "search/site"
TITLES_PATH = f"{FOLDER}/titles.json"
SHARD = 1000
"""Entries per full-text shard: a visitor's browser loads and queries one at a time."""
LINE_CHARS = 110
"""One line of summary in a result; the page itself has the rest."""

KINDS = ["story", "organisation", "call", "project", "offering", "event", "news", "page"]
"""What a result says it is; items first, so an item outranks the pages listing it."""
ITEM_KINDS = {"experiment": ("experiments", "story"), "organisation": ("organisations", "organisation"),
              "call": ("calls", "call"), "project": ("projects", "project"),
              "offering": ("offerings", "offering"), "event": ("events", "event"),
              "news": ("news", "news")}
"""Plan page kind -> (collection, result kind) for the pages of one item."""

_TAGS = re.compile(r"<[^>]+>")


def text_path(shard: int) -> str:
    return f"{FOLDER}/text-{shard}.json"


@dataclass
class Entry:
    kind: str
    title: str
    url: str
    line: str
    words: list[str]
    """The page's own words for the full-text index (title excluded: it is in the record)."""
    badges: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)


def one_line(text: str | None) -> str:
    text = " ".join((text or "").split())
    if len(text) <= LINE_CHARS:
        return text
    return text[: LINE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _plain(markdown: str) -> str:
    """Body text as words: the rendered Markdown without its tags."""
    return html.unescape(_TAGS.sub(" ", str(render_markdown(markdown))))


def _badges(views: Iterable) -> list[str]:
    return list(dict.fromkeys(b.alt for b in views))


def _item_entry(ctx: BuildContext, collection: str, kind: str, item_id: str) -> Entry:
    g = ctx.graph
    item = g.collection(collection)[item_id]
    m = item.model
    url = url_of(item_src(collection, item_id))
    body = _plain(item.body)
    if collection == "experiments":
        names = [g.organisations[p.organisation].model.name for p in m.partners]
        names += [country_name(c) for c in g.experiment_countries[item_id]]
        return Entry(kind, m.title, url, one_line(m.summary), [m.summary, *names, body],
                     _badges(experiment_badges(g, item_id)))
    if collection == "organisations":
        return Entry(kind, m.name, url, one_line(m.summary),
                     [m.short_name or "", m.region or "", country_name(m.country), m.summary or "", body],
                     _badges(organisation_badges(g, item_id)))
    if collection == "projects":
        people = [g.organisations[o].model.name for o in [m.coordinator, *m.dihs] if o]
        return Entry(kind, m.acronym, url, one_line(m.summary or m.name),
                     [m.name, m.summary or "", *people, body])
    if collection == "calls":
        project = g.projects[m.project].model.acronym
        return Entry(kind, m.title, url, one_line(m.summary or project),
                     [m.identifier or "", project, m.summary or "", body],
                     extra={"o": opens_at(m).isoformat(), "c": closes_at(m).isoformat(),
                            "d": deadline_text(m)})
    if collection == "events":
        speakers = [sp.name for sp in m.speakers]
        return Entry(kind, m.title, url, one_line(m.summary), [m.summary, *speakers, body],
                     extra={"o": starts_at(m).isoformat(), "c": ends_at(m).isoformat()})
    if collection == "news":
        return Entry(kind, m.title, url, one_line(m.summary), [m.summary, body])
    provider = (g.projects[m.provider].model.acronym if m.provider in g.projects
                else g.organisations[m.provider].model.name)
    return Entry(kind, m.title, url, one_line(m.summary), [provider, m.summary or "", body])


_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def written_entries(folder: Path | None, plan: SitePlan) -> list[Entry]:
    """Hand-written pages (``docs/*.md``): title from the first ``# `` heading, their text;
    a page the plan also declares is the plan's."""
    if folder is None or not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.rglob("*.md")):
        src = path.relative_to(folder).as_posix()
        if src in plan.pages:
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):  # front matter: not the page's words
            text = text.split("\n---\n", 1)[-1]
        heading = _HEADING.search(text)
        title = heading.group(1) if heading else path.stem.replace("-", " ").capitalize()
        body = " ".join(_plain(_HEADING.sub("", text, count=1)).split())
        out.append(Entry("page", title, url_of(src), one_line(body), [body]))
    return out


def entries(ctx: BuildContext, plan: SitePlan) -> list[Entry]:
    """One entry per searchable page of the plan and per hand-written page, items first (in
    :data:`KINDS` order)."""
    out: list[Entry] = written_entries(ctx.written_pages, plan)
    for src, page in plan.pages.items():
        if not page.searchable:
            continue
        if page.kind in ITEM_KINDS:
            collection, kind = ITEM_KINDS[page.kind]
            item_id = src.rsplit("/", 1)[1].removesuffix(".md")
            out.append(_item_entry(ctx, collection, kind, item_id))
        else:
            out.append(Entry("page", page.title, url_of(src), one_line(page.description),
                             [page.description]))
    order = {k: i for i, k in enumerate(KINDS)}
    out.sort(key=lambda e: order[e.kind])  # stable: build order within a kind
    return out


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def titles_payload(found: list[Entry], shards: list[str]) -> dict[str, Any]:
    kinds = {k: i for i, k in enumerate(KINDS)}
    docs = []
    for e in found:
        row: dict[str, Any] = {"k": kinds[e.kind], "t": e.title, "u": e.url}
        if e.line:
            row["s"] = e.line
        if e.badges:
            row["b"] = e.badges
        row.update(e.extra)
        docs.append(row)
    return {"format": FORMAT, "count": len(found), "kinds": KINDS, "shards": shards, "docs": docs}


def start_text_payloads(node_modules: Path, shards: list[tuple[int, list[Entry]]]
                        ) -> Callable[[], list[str]]:
    """Start the full-text index of each shard (position of its first entry, entries), in one
    run of lunr.js; the function returned waits for them, each payload as JSON text."""
    batches = [[{"r": ref(start + i), "body": " ".join([e.title, *filter(None, e.words)])}
                for i, e in enumerate(found)] for start, found in shards]
    pending = start_indexes(node_modules, batches, significant=SIGNIFICANT)

    def finish() -> list[str]:
        return [embed({"format": FORMAT, "start": start, "count": len(found)}, "lunr", serialized)
                for (start, found), serialized in zip(shards, pending(), strict=True)]

    return finish


def _shards(found: list[Entry]) -> list[tuple[int, list[Entry]]]:
    """Runs of one kind, at most :data:`SHARD` long: (position of the first, entries)."""
    out: list[tuple[int, list[Entry]]] = []
    start = 0
    while start < len(found):
        end = start
        while end < len(found) and end - start < SHARD and found[end].kind == found[start].kind:
            end += 1
        out.append((start, found[start:end]))
        start = end
    return out


def files(ctx: BuildContext, plan: SitePlan) -> Callable[[], list[Asset]]:
    """lunr.js builds the shards under Node while the other file jobs run."""
    found = entries(ctx, plan)
    shards = _shards(found)
    paths = [text_path(i) for i in range(len(shards))]
    pending = start_text_payloads(ctx.packages(), shards)
    titles = Asset(TITLES_PATH, _dumps(titles_payload(found, paths)))

    def finish() -> list[Asset]:
        assets = [titles]
        for path, text in zip(paths, pending(), strict=True):
            assets.append(Asset(path, text))
        return assets

    return finish


def declare(ctx: BuildContext, plan: SitePlan) -> None:
    """A file job: the entries are read from the plan once every generator has declared."""
    plan.add_job(lambda: files(ctx, plan), starts_process=True)
