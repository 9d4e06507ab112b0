"""Resolve the loaded items into one graph with every derived relation computed once.

Derived, never typed twice (content model): an organisation's experiments,
projects and grants come from the experiments that name it; a grant on an
experiment is held by every partner; an experiment's countries come from its
partners; a project's experiments, calls and offerings come from the items
that name it.
"""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from i4ms.content.confusables import confusable_names
from i4ms.content.loader import Item, Loaded, load_content
from i4ms.content.models import (
    Call,
    Event,
    Experiment,
    Label,
    News,
    Offering,
    Organisation,
    Project,
    Taxonomy,
)
from i4ms.content.problems import ContentError, Problem, did_you_mean, errors
from i4ms.graph.call_status import CallStatus, call_status, closes_at, opens_at
from i4ms.graph.event_time import ends_at, starts_at
from i4ms.graph.references import check_references

SUCCESS_STORY_SECTIONS = ("Challenge", "Solution", "Results", "Impact")
_SECTION = {s: re.compile(rf"^## +{s}\b", re.MULTILINE) for s in SUCCESS_STORY_SECTIONS}
"""A level-two heading, as the site splits sections (markdown_body.split_sections)."""


@dataclass(frozen=True)
class Holding:
    """A label or award held by an experiment or organisation, and how it was earned."""

    label: str
    year: int | None
    experiment: str | None  # None when granted to the organisation directly


@dataclass(frozen=True)
class Participation:
    experiment: str
    role: str


@dataclass
class Graph:
    taxonomy: Taxonomy
    projects: dict[str, Item[Project]]
    experiments: dict[str, Item[Experiment]]
    organisations: dict[str, Item[Organisation]]
    calls: dict[str, Item[Call]]
    offerings: dict[str, Item[Offering]]
    labels: dict[str, Item[Label]]
    events: dict[str, Item[Event]] = field(default_factory=dict)
    news: dict[str, Item[News]] = field(default_factory=dict)
    org_experiments: dict[str, list[Participation]] = field(default_factory=dict)
    org_projects: dict[str, list[str]] = field(default_factory=dict)
    org_holdings: dict[str, list[Holding]] = field(default_factory=dict)
    experiment_countries: dict[str, list[str]] = field(default_factory=dict)
    project_experiments: dict[str, list[str]] = field(default_factory=dict)
    project_calls: dict[str, list[str]] = field(default_factory=dict)
    project_offerings: dict[str, list[str]] = field(default_factory=dict)
    call_experiments: dict[str, list[str]] = field(default_factory=dict)
    label_experiments: dict[str, list[Holding]] = field(default_factory=dict)
    label_organisations: dict[str, list[tuple[str, Holding]]] = field(default_factory=dict)
    project_events: dict[str, list[str]] = field(default_factory=dict)
    org_events: dict[str, list[str]] = field(default_factory=dict)
    call_events: dict[str, list[str]] = field(default_factory=dict)
    project_news: dict[str, list[str]] = field(default_factory=dict)
    org_news: dict[str, list[str]] = field(default_factory=dict)
    memo: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)
    """Per-build cache of values computed from the graph (success-story flags, cards): the
    graph does not change once built, and a page generator asks for the same ones often."""

    def collection(self, name: str) -> dict[str, Item]:
        return getattr(self, name)

    def is_success_story(self, experiment_id: str) -> bool:
        stories = self.memo.setdefault("is_success_story", {})
        if experiment_id not in stories:
            body = self.experiments[experiment_id].body
            stories[experiment_id] = all(_SECTION[s].search(body) for s in SUCCESS_STORY_SECTIONS)
        return stories[experiment_id]

    def call_status(self, call_id: str, now: datetime) -> CallStatus:
        return call_status(self.calls[call_id].model, now)

    def countries(self) -> set[str]:
        return {c for cs in self.experiment_countries.values() for c in cs}

    def labelled_organisations(self) -> set[str]:
        return {o for o, holdings in self.org_holdings.items() if holdings}


def _grant_holders(items: dict[str, dict[str, Item]]) -> list[Problem]:
    """A grant's ``holders`` must be partners of its experiment."""
    problems = []
    for item in items["experiments"].values():
        partners = [p.organisation for p in item.model.partners]
        for i, grant in enumerate(item.model.grants):
            for j, holder in enumerate(grant.holders):
                if holder not in partners:
                    problems.append(Problem(
                        item.path, item.line("grants", i, "holders", j), f"grants[{i}].holders[{j}]",
                        f"'{holder}' is not a partner of this experiment{did_you_mean(holder, partners)}",
                    ))
    return problems


def _date_order(items: dict[str, dict[str, Item]]) -> list[Problem]:
    problems = []
    for collection, start, end in (
        ("calls", "opens", "closes"),
        ("projects", "started", "ended"),
        ("experiments", "started", "ended"),
        ("events", "starts", "ends"),
    ):
        for item in items[collection].values():
            a, b = getattr(item.model, start), getattr(item.model, end)
            if a is None or b is None:
                continue
            if collection == "calls":
                bad = closes_at(item.model) <= opens_at(item.model)
            elif collection == "events":
                bad = ends_at(item.model) <= starts_at(item.model)
            else:
                bad = _as_date(b) < _as_date(a)
            if bad:
                problems.append(Problem(
                    item.path, item.line(end), end,
                    f"{end} ({b}) is before {start} ({a})",
                ))
    return problems


def _agenda_speakers(items: dict[str, dict[str, Item]]) -> list[Problem]:
    """An agenda item's speakers are names from the event's own ``speakers``."""
    problems = []
    for item in items["events"].values():
        names = [s.name for s in item.model.speakers]
        for i, entry in enumerate(item.model.agenda):
            for j, name in enumerate(entry.speakers):
                if name not in names:
                    problems.append(Problem(
                        item.path, item.line("agenda", i, "speakers", j), f"agenda[{i}].speakers[{j}]",
                        f"'{name}' is not in this event's speakers{did_you_mean(name, names)}",
                    ))
    return problems


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _derive(g: Graph) -> None:
    org_exps: dict[str, list[Participation]] = defaultdict(list)
    org_projects: dict[str, list[str]] = defaultdict(list)
    holdings: dict[str, list[Holding]] = defaultdict(list)
    label_exps: dict[str, list[Holding]] = defaultdict(list)
    label_orgs: dict[str, list[tuple[str, Holding]]] = defaultdict(list)
    proj_exps: dict[str, list[str]] = defaultdict(list)
    call_exps: dict[str, list[str]] = defaultdict(list)

    for exp_id, item in g.experiments.items():
        exp = item.model
        proj_exps[exp.project].append(exp_id)
        if exp.call:
            call_exps[exp.call].append(exp_id)
        grants = [(Holding(gr.label, gr.year, exp_id), set(gr.holders)) for gr in exp.grants]
        for grant, _ in grants:
            label_exps[grant.label].append(grant)
        for partner in exp.partners:
            org = partner.organisation
            org_exps[org].append(Participation(exp_id, partner.role))
            org_projects[org].append(exp.project)
            for grant, only in grants:
                if only and org not in only:
                    continue
                holdings[org].append(grant)
                label_orgs[grant.label].append((org, grant))
        g.experiment_countries[exp_id] = exp.countries or sorted(
            {g.organisations[p.organisation].model.country for p in exp.partners}
        )
    for org_id, item in g.organisations.items():
        for gr in item.model.grants:
            direct = Holding(gr.label, gr.year, None)
            holdings[org_id].append(direct)
            label_orgs[gr.label].append((org_id, direct))
    for proj_id, item in g.projects.items():
        for org in [item.model.coordinator, *item.model.dihs]:
            if org:
                org_projects[org].append(proj_id)

    g.org_experiments = dict(org_exps)
    g.org_projects = {k: _unique(v) for k, v in org_projects.items()}
    g.org_holdings = {k: _unique_holdings(v) for k, v in holdings.items()}
    g.label_experiments = dict(label_exps)
    g.label_organisations = {k: list(dict.fromkeys(v)) for k, v in label_orgs.items()}
    g.project_experiments = dict(proj_exps)
    g.call_experiments = dict(call_exps)
    proj_calls: dict[str, list[str]] = defaultdict(list)
    for call_id, item in g.calls.items():
        proj_calls[item.model.project].append(call_id)
    g.project_calls = dict(proj_calls)
    proj_offers: dict[str, list[str]] = defaultdict(list)
    for off_id, item in g.offerings.items():
        proj_offers[item.model.provider].append(off_id)
    g.project_offerings = dict(proj_offers)


def _derive_events_and_news(g: Graph) -> None:
    """A project's or organisation's events are those it organises, is named in (projects) or
    speaks at; its news, the articles it wrote. Newest first."""
    proj_events: dict[str, list[str]] = defaultdict(list)
    org_events: dict[str, list[str]] = defaultdict(list)
    call_events: dict[str, list[str]] = defaultdict(list)
    for ev_id, item in sorted(g.events.items(), key=lambda kv: (starts_at(kv[1].model), kv[0]),
                              reverse=True):
        ev = item.model
        for ref_id in ev.organisers:
            (proj_events if ref_id in g.projects else org_events)[ref_id].append(ev_id)
        for proj in ev.projects:
            proj_events[proj].append(ev_id)
        for speaker in ev.speakers:
            if speaker.organisation:
                org_events[speaker.organisation].append(ev_id)
        for call in ev.calls:
            call_events[call].append(ev_id)
    proj_news: dict[str, list[str]] = defaultdict(list)
    org_news: dict[str, list[str]] = defaultdict(list)
    for news_id, item in sorted(g.news.items(), key=lambda kv: (kv[1].model.date, kv[0]), reverse=True):
        for author in item.model.authors:
            (proj_news if author in g.projects else org_news)[author].append(news_id)
    g.project_events = {k: _unique(v) for k, v in proj_events.items()}
    g.org_events = {k: _unique(v) for k, v in org_events.items()}
    g.call_events = {k: _unique(v) for k, v in call_events.items()}
    g.project_news = dict(proj_news)
    g.org_news = dict(org_news)


def _unique_holdings(values: list[Holding]) -> list[Holding]:
    return list(dict.fromkeys(values))


def check(loaded: Loaded) -> list[Problem]:
    """Every problem in the content, sorted: what `i4ms validate` reports and the build refuses.
    The cyclic GC is paused, as for loading: the checks only add to what loading made, and
    one collection would rescan all of it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(loaded)
    finally:
        if was_enabled:
            gc.enable()


def _check(loaded: Loaded) -> list[Problem]:
    problems = list(loaded.problems)
    problems += check_references(loaded.documents, loaded.ids, loaded.taxonomy)
    problems += _date_order(loaded.items)
    problems += _grant_holders(loaded.items)
    problems += _agenda_speakers(loaded.items)
    problems += confusable_names(loaded.items)
    return sorted(set(problems))


def build_graph(loaded: Loaded) -> tuple[Graph | None, list[Problem]]:
    """Second phase: nothing is generated unless every reference resolves."""
    problems = check(loaded)
    if errors(problems) or loaded.taxonomy is None:
        return None, problems
    g = Graph(loaded.taxonomy, **loaded.items)
    _derive(g)
    _derive_events_and_news(g)
    return g, problems  # warnings only: `i4ms validate` shows them, they stop nothing


def load_graph(root: Path) -> Graph:
    """Load and resolve, or raise :class:`ContentError` listing every problem.

    The cyclic garbage collector is paused meanwhile: loading only allocates objects that
    live as long as the graph, and its collections rescanned them all, again and again
    (a quarter of the time at 10,000 items)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        graph, problems = build_graph(load_content(root))
    finally:
        if was_enabled:
            gc.enable()
    if graph is None:
        raise ContentError(problems)
    return graph
