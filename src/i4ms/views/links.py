"""Small, template-ready views of graph items: names, URLs and badges, computed in one place."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry
from markupsafe import escape

from i4ms.graph import Graph
from i4ms.graph.build import Holding
from i4ms.views.badge_geometry import HEIGHT, badge_width
from i4ms.views.urls import absolute, item_url, term_src, url_of


@dataclass(frozen=True)
class Link:
    text: str
    url: str  # root-relative


@dataclass(frozen=True)
class BadgeView:
    label: str
    name: str
    year: int | None
    url: str  # root-relative SVG
    page: str  # label page
    via: Link | None = None  # experiment that earned it, for organisations

    @property
    def alt(self) -> str:
        return f"{self.name} {self.year}" if self.year else self.name

    @property
    def width(self) -> int:
        """The SVG's width, for the ``<img>`` (its height is :data:`HEIGHT`)."""
        return badge_width(self.name, self.year)

    @property
    def height(self) -> int:
        return HEIGHT

    def embed_code(self, site_url: str, holder_url: str) -> str:
        """The HTML a holder pastes into their own website, as plain text: every attribute is
        escaped here, once, so the snippet is safe HTML whatever the label's name holds; the
        page escapes the whole snippet again to show it (a str, so autoescape does)."""
        page = escape(absolute(site_url, holder_url))
        img = escape(absolute(site_url, self.url))
        return (f'<a href="{page}"><img src="{img}" alt="{escape(self.alt)}" width="{self.width}" '
                f'height="{self.height}"></a>')


@cache
def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or (country.name if country else code)


def country_link(code: str) -> Link:
    return Link(country_name(code), url_of(term_src("countries", code.lower())))


def term_link(graph: Graph, vocabulary: str, term_id: str) -> Link:
    term = graph.taxonomy.terms(vocabulary)[term_id]
    return Link(term.name, url_of(term_src(vocabulary, term_id)))


def term_name(graph: Graph, vocabulary: str, term_id: str) -> str:
    return graph.taxonomy.terms(vocabulary)[term_id].name


def item_link(graph: Graph, collection: str, item_id: str) -> Link:
    model = graph.collection(collection)[item_id].model
    text = (
        getattr(model, "acronym", None)
        if collection == "projects"
        else getattr(model, "title", None) or getattr(model, "name", None)
    )
    return Link(text or item_id, item_url(collection, item_id))


def any_link(graph: Graph, item_id: str, collections: tuple[str, ...]) -> Link:
    """The item with ``item_id`` in the first of ``collections`` that has one."""
    collection = next(c for c in collections if item_id in graph.collection(c))
    return item_link(graph, collection, item_id)


def provider_link(graph: Graph, provider: str) -> Link:
    collection = "projects" if provider in graph.projects else "organisations"
    return item_link(graph, collection, provider)


def badge_path(label: str, collection: str, holder: str, year: int | None = None) -> str:
    """Stable badge URL of one grant, safe to embed on the holder's own website: the year is
    part of it, so a holder labelled in two years has two badges, and a later grant never
    changes the URL of an earlier one."""
    return f"badges/{label}/{collection}/{holder}{f'-{year}' if year else ''}.svg"


def badges(graph: Graph, holdings: list[Holding], collection: str, holder: str) -> list[BadgeView]:
    out = []
    seen = set()
    for h in holdings:
        if (h.label, h.year, h.experiment) in seen:
            continue
        seen.add((h.label, h.year, h.experiment))
        label = graph.labels[h.label].model
        via = (
            item_link(graph, "experiments", h.experiment)
            if h.experiment and collection == "organisations"
            else None
        )
        out.append(BadgeView(
            h.label, label.name, h.year, badge_path(h.label, collection, holder, h.year),
            item_url("labels", h.label), via,
        ))
    return out


def experiment_badges(graph: Graph, exp_id: str) -> list[BadgeView]:
    holdings = [Holding(g.label, g.year, exp_id) for g in graph.experiments[exp_id].model.grants]
    return badges(graph, holdings, "experiments", exp_id)


def organisation_badges(graph: Graph, org_id: str) -> list[BadgeView]:
    return badges(graph, graph.org_holdings.get(org_id, []), "organisations", org_id)


@dataclass(frozen=True)
class ExperimentCard:
    id: str
    title: str
    url: str
    project: Link
    countries: list[Link]
    technologies: list[Link]
    badges: list[BadgeView]
    summary: str
    story: bool


def experiment_card(graph: Graph, exp_id: str) -> ExperimentCard:
    """Memoised per graph: a story's card appears on many term and listing pages."""
    cards = graph.memo.setdefault("experiment_card", {})
    card = cards.get(exp_id)
    if card is None:
        card = cards[exp_id] = _experiment_card(graph, exp_id)
    return card


def _experiment_card(graph: Graph, exp_id: str) -> ExperimentCard:
    item = graph.experiments[exp_id]
    exp = item.model
    return ExperimentCard(
        id=exp_id,
        title=exp.title,
        url=item_url("experiments", exp_id),
        project=item_link(graph, "projects", exp.project),
        countries=[country_link(c) for c in graph.experiment_countries[exp_id]],
        technologies=[term_link(graph, "technologies", t) for t in exp.technologies],
        badges=experiment_badges(graph, exp_id),
        summary=exp.summary,
        story=graph.is_success_story(exp_id),
    )


def featured_order(graph: Graph, exp_ids: list[str]) -> list[str]:
    """Labelled or awarded stories first, then other success stories, then the rest."""
    def key(e: str) -> tuple:
        return (not graph.experiments[e].model.grants, not graph.is_success_story(e), e)

    return sorted(exp_ids, key=key)
