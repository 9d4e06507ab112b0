"""A page per item: experiment, organisation, project, call, offering."""

from __future__ import annotations

from functools import cache, partial

from i4ms.content.markdown import render_markdown, render_sections
from i4ms.content.models import Organisation, Project
from i4ms.content.models.organisation import ORGANISATION_TYPES
from i4ms.graph.call_status import closes_at
from i4ms.outputs.opendata import paths
from i4ms.outputs.plan import PagePlan, SitePlan, View, view
from i4ms.views.calls import call_row
from i4ms.views.context import BuildContext
from i4ms.views.events import event_row, news_row
from i4ms.views.links import (
    country_link,
    experiment_badges,
    experiment_card,
    item_link,
    organisation_badges,
    provider_link,
    term_link,
    term_name,
)
from i4ms.views.periods import period_text
from i4ms.views.urls import absolute, item_src, item_url

RELATED = 4
EVENTS_SHOWN = 10
"""Newest first on project and organisation pages; the Events page lists them all."""
NEWS_SHOWN = 5


def related_experiments(ctx: BuildContext, exp_id: str, index: dict) -> list[str]:
    """Stories sharing technologies, sector or project; candidates bounded so 10,000 items scale.

    Score: 2 per shared technology, 2 per shared sector, 1 for the same project, 1 if the
    candidate is a success story; ties by id."""
    g = ctx.graph
    exp = g.experiments[exp_id].model
    candidates: list[str] = list(g.project_experiments.get(exp.project, [])[:30])
    for tech in exp.technologies:
        candidates += index["technologies"].get(tech, [])[:12]
    for sector in exp.sectors:
        candidates += index["sectors"].get(sector, [])[:12]
    profiles = index["profiles"]
    techs, sectors, project, _ = profiles[exp_id]
    scores: dict[str, int] = {}
    for cand in dict.fromkeys(candidates):
        c_techs, c_sectors, c_project, c_story = profiles[cand]
        score = (2 * ((techs & c_techs).bit_count() + (sectors & c_sectors).bit_count())
                 + (c_project == project) + c_story)
        if score and cand != exp_id:
            scores[cand] = score
    return [e for e, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:RELATED]]


def _index(ctx: BuildContext) -> dict:
    """Computed once per build: which experiments share what, for related stories. A profile
    holds technologies and sectors as bit sets, so comparing two is two ANDs."""
    g = ctx.graph
    bit = {kind: {t.id: 1 << i for i, t in enumerate(getattr(g.taxonomy, kind))}
           for kind in ("technologies", "sectors")}
    idx: dict[str, dict] = {"technologies": {}, "sectors": {}, "profiles": {}}
    for exp_id, item in g.experiments.items():
        exp = item.model
        idx["profiles"][exp_id] = (
            sum(bit["technologies"][t] for t in set(exp.technologies)),
            sum(bit["sectors"][s] for s in set(exp.sectors)),
            exp.project, int(g.is_success_story(exp_id)),
        )
        for t in exp.technologies:
            idx["technologies"].setdefault(t, []).append(exp_id)
        for s in exp.sectors:
            idx["sectors"].setdefault(s, []).append(exp_id)
    return idx


def _experiment(ctx: BuildContext, exp_id: str, index: dict) -> View:
    g = ctx.graph
    item = g.experiments[exp_id]
    exp = item.model
    partners = [
        {
            "link": item_link(g, "organisations", p.organisation),
            "role": term_name(g, "roles", p.role),
            "country": country_link(g.organisations[p.organisation].model.country),
        }
        for p in exp.partners
    ]
    sections = render_sections(item.body)
    quotes = [
        {"text": q.text, "person": q.person,
         "organisation": item_link(g, "organisations", q.organisation) if q.organisation else None}
        for q in exp.quotes
    ]
    return view(
        "experiment.html",
        exp=exp, id=exp_id, partners=partners, sections=sections, quotes=quotes,
        project=item_link(g, "projects", exp.project),
        call=item_link(g, "calls", exp.call) if exp.call else None,
        badges=experiment_badges(g, exp_id),
        technologies=[term_link(g, "technologies", t) for t in exp.technologies],
        sectors=[term_link(g, "sectors", s) for s in exp.sectors],
        countries=[country_link(c) for c in g.experiment_countries[exp_id]],
        related=[experiment_card(g, e) for e in related_experiments(ctx, exp_id, index)],
        story=g.is_success_story(exp_id),
        runs=period_text(exp.started, exp.ended) if exp.started or exp.ended else None,
        site_url=ctx.site_url, absolute=absolute,
    )


def _organisation_description(org: Organisation) -> str:
    return org.summary or f"{org.name}, {country_link(org.country).text}"


def _organisation(ctx: BuildContext, org_id: str) -> View:
    g = ctx.graph
    org = g.organisations[org_id].model
    experiments = [
        {"card": experiment_card(g, p.experiment), "role": term_name(g, "roles", p.role)}
        for p in g.org_experiments.get(org_id, [])
    ]
    return view(
        "organisation.html",
        org=org, id=org_id, experiments=experiments, type_text=ORGANISATION_TYPES[org.type],
        projects=[item_link(g, "projects", p) for p in g.org_projects.get(org_id, [])],
        events=[event_row(ctx, e) for e in g.org_events.get(org_id, [])][:EVENTS_SHOWN],
        news=[news_row(ctx, n) for n in g.org_news.get(org_id, [])][:NEWS_SHOWN],
        badges=organisation_badges(g, org_id),
        country=country_link(org.country),
        body=render_markdown(g.organisations[org_id].body),
        site_url=ctx.site_url, absolute=absolute,
        page_url=item_url("organisations", org_id),
    )


def _project_description(proj: Project) -> str:
    return proj.summary or f"{proj.acronym}: {proj.name}"


def _project(ctx: BuildContext, proj_id: str) -> View:
    g = ctx.graph
    item = g.projects[proj_id]
    proj = item.model
    calls = sorted(g.project_calls.get(proj_id, []), key=lambda c: closes_at(g.calls[c].model))
    dihs = [item_link(g, "organisations", d) for d in proj.dihs]
    coordinator = item_link(g, "organisations", proj.coordinator) if proj.coordinator else None
    body = render_markdown(item.body)
    return view(
        "project.html",
        proj=proj, id=proj_id,
        experiments=[experiment_card(g, e) for e in g.project_experiments.get(proj_id, [])],
        calls=[call_row(ctx, c) for c in reversed(calls)],
        offerings=[item_link(g, "offerings", o) for o in g.project_offerings.get(proj_id, [])],
        dihs=dihs,
        coordinator=coordinator,
        events=[event_row(ctx, e) for e in g.project_events.get(proj_id, [])][:EVENTS_SHOWN],
        news=[news_row(ctx, n) for n in g.project_news.get(proj_id, [])][:NEWS_SHOWN],
        events_calendar=paths.project_events_calendar(proj_id),
        runs=period_text(proj.started, proj.ended) if proj.started or proj.ended else None,
        areas=[term_link(g, "technology_areas", a) for a in proj.technology_areas],
        technologies=[term_link(g, "technologies", t) for t in proj.technologies],
        body=body,
    )


def _call(ctx: BuildContext, call_id: str) -> View:
    g = ctx.graph
    item = g.calls[call_id]
    call = item.model
    row = call_row(ctx, call_id)
    body = render_markdown(item.body)
    return view(
        "call.html",
        call=call, row=row,
        countries=[country_link(c) for c in call.eligible_countries],
        areas=[term_link(g, "technology_areas", a) for a in call.technology_areas],
        technologies=[term_link(g, "technologies", t) for t in call.technologies],
        label=item_link(g, "labels", call.label) if call.label else None,
        experiments=[item_link(g, "experiments", e) for e in g.call_experiments.get(call_id, [])],
        events=[event_row(ctx, e) for e in g.call_events.get(call_id, [])],
        body=body,
    )


def _offering(ctx: BuildContext, off_id: str) -> View:
    g = ctx.graph
    item = g.offerings[off_id]
    off = item.model
    provider = provider_link(g, off.provider)
    body = render_markdown(item.body)
    return view(
        "offering.html",
        off=off, provider=provider,
        category=term_name(g, "offering_categories", off.category),
        technologies=[term_link(g, "technologies", t) for t in off.technologies],
        countries=[country_link(c) for c in off.countries],
        body=body,
    )


def declare(ctx: BuildContext, plan: SitePlan) -> None:
    g = ctx.graph
    index = cache(lambda: _index(ctx))  # built once, where the pages render
    for exp_id, item in g.experiments.items():
        plan.add_page(PagePlan(
            item_src("experiments", exp_id), item.model.title,
            partial(lambda e: _experiment(ctx, e, index()), exp_id),
            item.model.summary, "experiment"))
    for org_id, item in g.organisations.items():
        org = item.model
        plan.add_page(PagePlan(
            item_src("organisations", org_id), org.short_name or org.name,
            partial(_organisation, ctx, org_id), _organisation_description(org), "organisation"))
    for proj_id, item in g.projects.items():
        proj = item.model
        plan.add_page(PagePlan(item_src("projects", proj_id), proj.acronym,
                               partial(_project, ctx, proj_id), _project_description(proj),
                               "project"))
    for call_id, item in g.calls.items():
        call = item.model
        plan.add_page(PagePlan(item_src("calls", call_id), call.title, partial(_call, ctx, call_id),
                               call.summary or call.title, "call"))
    for off_id, item in g.offerings.items():
        off = item.model
        plan.add_page(PagePlan(item_src("offerings", off_id), off.title,
                               partial(_offering, ctx, off_id), off.summary or off.title,
                               "offering"))
