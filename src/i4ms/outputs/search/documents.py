"""What the browser searches: one small record per item, with its facet values.

Facets are data (:data:`FACETS`): a key (the URL parameter), a heading, and for each
collection a function that says which values an item has. The browser counts and
filters; it never derives a value itself, except a call's status, which depends on the
visitor's clock and is computed from the instants we ship (``o``, ``c``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from i4ms.content.models.event import KIND_NAMES
from i4ms.content.models.organisation import ORGANISATION_TYPES
from i4ms.graph import Graph
from i4ms.graph.call_status import closes_at, opens_at
from i4ms.graph.event_time import ends_at, starts_at
from i4ms.views.dates import deadline_text
from i4ms.views.links import (
    BadgeView,
    country_name,
    experiment_badges,
    featured_order,
    organisation_badges,
    term_name,
)
from i4ms.views.urls import item_url

SUMMARY_CHARS = 160
"""Result cards show the start of the summary; the full text is on the item's page."""

CALL_STATUSES = [("open", "Open now"), ("upcoming", "Upcoming"), ("closed", "Closed")]
COUNTRIES_NOT_STATED = ("not-stated", "Not stated")
"""A call whose content names no eligible country: unknown, never "any country"."""


@dataclass(frozen=True)
class Facet:
    key: str
    name: str
    computed: bool = False
    """True when the browser computes the value (call status, from its own clock)."""
    hidden: bool = False
    """Not offered as a filter, only matched by typed words (an experiment's partners)."""


TECHNOLOGY = Facet("technology", "Technology")
SECTOR = Facet("sector", "Sector")
COUNTRY = Facet("country", "Country")
PROJECT = Facet("project", "Project")
LABEL = Facet("label", "Label or award")
ROLE = Facet("role", "Partner role")
ORG_TYPE = Facet("type", "Organisation type")
STATUS = Facet("status", "Call status", computed=True)
ELIGIBLE = Facet("country", "Open to applicants from")
CATEGORY = Facet("category", "Offering")
PARTNER = Facet("partner", "Partner", hidden=True)

FACETS: dict[str, list[Facet]] = {
    "experiments": [TECHNOLOGY, SECTOR, COUNTRY, PROJECT, LABEL, PARTNER],
    "organisations": [COUNTRY, ORG_TYPE, ROLE, TECHNOLOGY, PROJECT, LABEL],
    "calls": [STATUS, PROJECT, TECHNOLOGY, ELIGIBLE],
    "offerings": [CATEGORY, TECHNOLOGY, COUNTRY, PROJECT],
    "projects": [TECHNOLOGY, SECTOR, COUNTRY],
    "events": [TECHNOLOGY, PROJECT],
}
"""The collections with a search box (and ``projects``, which Find support also matches).

A typed word matches an item by the lunr index (its title and own text) or by the name of
one of its facet values ("Hungary", "Robotics", a partner's name): the browser matches value
names, so the index need not repeat them for every item, which keeps it small."""

META: dict[str, list[str]] = {"experiments": ["project", "country"]}
"""Collections whose result line the browser composes from facet values instead of ``meta``."""

Values = list[tuple[str, str]]
"""(id, display name) pairs of one facet for one item."""


@dataclass
class SearchDoc:
    title: str
    url: str
    summary: str
    meta: str
    text: str
    """Indexed with the summary but not shown: partner names, technologies, acronyms."""
    facets: dict[str, Values]
    extra: dict[str, str] = field(default_factory=dict)
    badges: list[BadgeView] = field(default_factory=list)
    """The badges the no-JavaScript list shows; sent with the summaries, after the first result."""
    deadline: str = ""
    """A call's deadline as its page words it (the call's own time zone)."""


def _short(text: str | None) -> str:
    text = " ".join((text or "").split())
    if len(text) <= SUMMARY_CHARS:
        return text
    return text[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _terms(g: Graph, vocabulary: str, ids: list[str]) -> Values:
    return [(t, term_name(g, vocabulary, t)) for t in dict.fromkeys(ids)]


def _countries(codes: list[str]) -> Values:
    return [(c, country_name(c)) for c in dict.fromkeys(codes)]


def _projects(g: Graph, ids: list[str]) -> Values:
    return [(p, g.projects[p].model.acronym) for p in dict.fromkeys(ids)]


def _labels(g: Graph, ids: list[str]) -> Values:
    return [(lb, g.labels[lb].model.name) for lb in dict.fromkeys(ids)]


def _names(values: Values) -> str:
    return " ".join(name for _, name in values)


def experiment_docs(g: Graph) -> list[SearchDoc]:
    docs = []
    for exp_id in featured_order(g, sorted(g.experiments)):
        exp = g.experiments[exp_id].model
        facets = {
            "technology": _terms(g, "technologies", exp.technologies),
            "sector": _terms(g, "sectors", exp.sectors),
            "country": _countries(g.experiment_countries[exp_id]),
            "project": _projects(g, [exp.project]),
            "label": _labels(g, [gr.label for gr in exp.grants]),
        }
        partners = [g.organisations[p.organisation].model for p in exp.partners]
        facets["partner"] = [(p.organisation, g.organisations[p.organisation].model.name)
                             for p in exp.partners]
        docs.append(SearchDoc(
            title=exp.title, url=item_url("experiments", exp_id), summary=_short(exp.summary),
            meta="", text=exp.summary, facets=facets, badges=experiment_badges(g, exp_id),
            extra={"ut": ",".join(sorted({p.type for p, part in zip(partners, exp.partners, strict=True)
                                          if part.role == "end-user"}))},
        ))
    return docs


def organisation_docs(g: Graph) -> list[SearchDoc]:
    docs = []
    for org_id in sorted(g.organisations, key=lambda o: g.organisations[o].model.name.lower()):
        org = g.organisations[org_id].model
        parts = g.org_experiments.get(org_id, [])
        exps = [g.experiments[p.experiment].model for p in parts]
        facets = {
            "country": _countries([org.country]),
            "type": [(org.type, ORGANISATION_TYPES[org.type])],
            "role": _terms(g, "roles", [p.role for p in parts]),
            "technology": _terms(g, "technologies", [t for e in exps for t in e.technologies]),
            "project": _projects(g, g.org_projects.get(org_id, [])),
            "label": _labels(g, [h.label for h in g.org_holdings.get(org_id, [])]),
        }
        n = len(parts)
        docs.append(SearchDoc(
            title=org.name, url=item_url("organisations", org_id), summary=_short(org.summary),
            meta=" · ".join([facets["country"][0][1], ORGANISATION_TYPES[org.type]]
                            + ([f"{n} experiment{'s' if n != 1 else ''}"] if n else [])),
            text=" ".join(filter(None, [org.short_name, org.region, org.summary])),
            facets=facets, badges=organisation_badges(g, org_id),
        ))
    return docs


def call_docs(g: Graph) -> list[SearchDoc]:
    docs = []
    for call_id in sorted(g.calls, key=lambda c: (closes_at(g.calls[c].model), c)):
        call = g.calls[call_id].model
        opens, closes = opens_at(call), closes_at(call)
        facets = {
            "status": [],  # computed in the browser from o and c
            "project": _projects(g, [call.project]),
            "technology": _terms(g, "technologies", call.technologies),
            "country": _countries(call.eligible_countries) or [COUNTRIES_NOT_STATED],
        }
        docs.append(SearchDoc(
            title=call.title, url=item_url("calls", call_id), summary=_short(call.summary),
            meta=facets["project"][0][1],
            text=" ".join(filter(None, [call.identifier, call.summary,
                                        _names(_terms(g, "technology_areas",
                                                      call.technology_areas))])),
            facets=facets,
            extra={"o": opens.isoformat(), "c": closes.isoformat()}, deadline=deadline_text(call),
        ))
    return docs


def _provider(g: Graph, provider: str) -> tuple[str, list[str], str | None]:
    """(name, projects, country) of an offering's provider, a project or an organisation."""
    if provider in g.projects:
        return g.projects[provider].model.acronym, [provider], None
    org = g.organisations[provider].model
    return org.name, g.org_projects.get(provider, []), org.country


def offering_docs(g: Graph) -> list[SearchDoc]:
    docs = []
    for off_id in sorted(g.offerings, key=lambda o: g.offerings[o].model.title.lower()):
        off = g.offerings[off_id].model
        provider, projects, country = _provider(g, off.provider)
        facets = {
            "category": _terms(g, "offering_categories", [off.category]),
            "technology": _terms(g, "technologies", off.technologies),
            "country": _countries(off.countries or ([country] if country else [])),
            "project": _projects(g, projects),
        }
        docs.append(SearchDoc(
            title=off.title, url=item_url("offerings", off_id), summary=_short(off.summary),
            meta=f"{facets['category'][0][1]} by {provider}",
            text=" ".join(filter(None, [provider, off.summary])),
            facets=facets,
        ))
    return docs


def project_docs(g: Graph) -> list[SearchDoc]:
    """Projects with the technologies, sectors and countries of their experiments too:
    Find support matches an IA by what it has actually funded, not only what it announces."""
    docs = []
    for proj_id in sorted(g.projects, key=lambda p: g.projects[p].model.acronym.lower()):
        proj = g.projects[proj_id].model
        exps = g.project_experiments.get(proj_id, [])
        techs = list(proj.technologies) + [t for e in exps for t in g.experiments[e].model.technologies]
        facets = {
            "technology": _terms(g, "technologies", techs),
            "sector": _terms(g, "sectors", [s for e in exps for s in g.experiments[e].model.sectors]),
            "country": _countries([c for e in exps for c in g.experiment_countries[e]]
                                  + [g.organisations[d].model.country for d in proj.dihs]),
        }
        docs.append(SearchDoc(
            title=proj.acronym, url=item_url("projects", proj_id), summary=_short(proj.summary),
            meta=f"{proj.name} · phase {proj.phase}"
                 + (" · Innovation Action" if proj.kind == "innovation-action" else " · CSA"),
            text=" ".join(filter(None, [proj.name, proj.summary])),
            facets=facets,
            extra={"kind": proj.kind, "n": str(len(exps))},
        ))
    return docs


def event_docs(g: Graph) -> list[SearchDoc]:
    """Events with their instants, so Find support keeps only those still ahead of the visitor."""
    docs = []
    for ev_id in sorted(g.events, key=lambda e: (starts_at(g.events[e].model), e)):
        ev = g.events[ev_id].model
        projects = [p for p in ev.organisers if p in g.projects] + list(ev.projects)
        facets = {
            "technology": _terms(g, "technologies", ev.technologies),
            "project": _projects(g, list(dict.fromkeys(projects))),
        }
        docs.append(SearchDoc(
            title=ev.title, url=item_url("events", ev_id), summary=_short(ev.summary),
            meta=KIND_NAMES[ev.kind], text=ev.summary, facets=facets,
            extra={"s": starts_at(ev).isoformat(), "e": ends_at(ev).isoformat()},
        ))
    return docs


BUILDERS: dict[str, Callable[[Graph], list[SearchDoc]]] = {
    "experiments": experiment_docs,
    "organisations": organisation_docs,
    "calls": call_docs,
    "offerings": offering_docs,
    "projects": project_docs,
    "events": event_docs,
}
