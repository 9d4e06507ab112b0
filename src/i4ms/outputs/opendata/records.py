"""Typed API records: each collection's validated content plus its derived fields and page URL.

A record model subclasses the content model, so a field added to the content model reaches
the API, the CSV and the published schema with no second list to keep in step. Derived
fields carry descriptions, which the exported schema shows.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, Field, TypeAdapter, create_model

from i4ms.content.models import COLLECTIONS
from i4ms.content.models.fields import ID_PATTERN, CountryCode, Strict, ref, vocab
from i4ms.content.models.taxonomy import Term
from i4ms.graph.call_status import closes_at, opens_at
from i4ms.graph.event_time import ends_at, event_status, starts_at
from i4ms.outputs.opendata import paths
from i4ms.views.context import BuildContext
from i4ms.views.links import experiment_badges, organisation_badges
from i4ms.views.urls import absolute, item_url, url_of

AbsoluteUrl = str
TERM_PAGES = ("technologies", "sectors")
"""Vocabularies whose terms have a page (the terms generator's, less countries)."""


class Participation(Strict):
    experiment: ref("experiments")  # type: ignore[valid-type]
    role: vocab("roles")  # type: ignore[valid-type]


class Holding(Strict):
    label: ref("labels")  # type: ignore[valid-type]
    year: int | None = None
    experiment: ref("experiments") | None = Field(  # type: ignore[valid-type]
        default=None, description="the experiment that earned it; null when granted directly")


class ExperimentHolder(Strict):
    experiment: ref("experiments")  # type: ignore[valid-type]
    year: int | None = None


class OrganisationHolder(Strict):
    organisation: ref("organisations")  # type: ignore[valid-type]
    year: int | None = None
    experiment: ref("experiments") | None = Field(  # type: ignore[valid-type]
        default=None, description="the experiment that earned it; null when granted directly")


def _ids(collection: str, what: str) -> Any:
    return (list[ref(collection)], Field(default=[], description=what))  # type: ignore[valid-type]


def _url(what: str) -> Any:
    return (AbsoluteUrl, Field(description=what, pattern=r"^https?://"))


NEVER_EXPORTED: dict[str, Any] = {
    "notes": (str | None, Field(default=None, exclude=True)),
}
"""Content fields for maintainers only: in no record, no CSV column, no published schema."""

COMMON: dict[str, Any] = {
    "id": (str, Field(pattern=ID_PATTERN, description="the item's id: its file name without .md")),
    "page": _url("absolute URL of the item's page on this site"),
    "body": (str, Field(description="the Markdown text below the front matter")),
}

DERIVED: dict[str, dict[str, Any]] = {
    "projects": {
        "experiments": _ids("experiments", "derived: experiments that name this project"),
        "calls": _ids("calls", "derived: calls that name this project"),
        "offerings": _ids("offerings", "derived: offerings this project provides"),
        "calendar": _url("derived: iCalendar file of this project's call deadlines"),
    },
    "experiments": {
        "countries": (list[CountryCode], Field(
            default=[], description="as written, or derived from the partners' countries")),
        "success_story": (bool, Field(description=(
            "derived: the body has the Challenge, Solution, Results and Impact sections"))),
        "badges": (list[AbsoluteUrl], Field(
            default=[], description="derived: SVG badge of each grant, in the order of grants")),
    },
    "organisations": {
        "experiments": (list[Participation], Field(
            default=[], description="derived: experiments that name this organisation")),
        "projects": _ids("projects", "derived: projects it takes part in, coordinates or serves"),
        "holdings": (list[Holding], Field(default=[], description=(
            "derived: labels and awards held, directly or through an experiment"))),
        "badges": (list[AbsoluteUrl], Field(
            default=[], description="derived: SVG badge of each holding")),
    },
    "calls": {
        "status": (Literal["upcoming", "open", "closed"], Field(
            description="derived: status at `status_at`; recompute it from opens_at and closes_at")),
        "status_at": (datetime, Field(description="the moment the site was built")),
        "opens_at": (datetime, Field(description="derived: first instant the call is open")),
        "closes_at": (datetime, Field(
            description="derived: first instant the call is closed (a date-only deadline is "
                        "the end of that day in the call's time zone)")),
        "experiments": _ids("experiments", "derived: experiments funded by this call"),
    },
    "offerings": {
        "provider_collection": (Literal["projects", "organisations"], Field(
            description="derived: whether `provider` is a project or an organisation")),
    },
    "events": {
        "status": (Literal["upcoming", "live", "past"], Field(
            description="derived: status at `status_at`; recompute it from starts_at and ends_at")),
        "status_at": (datetime, Field(description="the moment the site was built")),
        "starts_at": (datetime, Field(description="derived: first instant of the event")),
        "ends_at": (datetime, Field(
            description="derived: first instant after the event (when `ends` is not stated: "
                        "the end of its first day)")),
    },
    "news": {},
    "labels": {
        "experiments": (list[ExperimentHolder], Field(
            default=[], description="derived: experiments granted this label or award")),
        "organisations": (list[OrganisationHolder], Field(
            default=[], description="derived: organisations holding it")),
        "badge": _url("derived: the label's SVG badge"),
    },
}


class TermRecord(Term):
    """One vocabulary term: the API's ``taxonomy`` collection is every term of every vocabulary."""

    vocabulary: Literal[
        "technologies", "sectors", "roles", "offering_categories", "technology_areas"
    ] = Field(description="the taxonomy.yml list the term belongs to")
    page: AbsoluteUrl | None = Field(
        default=None, description="absolute URL of the term's page, when it has one")


@cache
def record_model(collection: str) -> type[BaseModel]:
    """``<Model>Record``: the content model with id, page, body and the derived fields."""
    if collection == paths.TAXONOMY:
        return TermRecord
    base = COLLECTIONS[collection].model
    clash = set(COMMON) & set(base.model_fields)
    if clash:
        raise TypeError(f"{base.__name__} already has {sorted(clash)}: rename the API field")
    return create_model(
        f"{base.__name__}Record", __base__=base, __doc__=base.__doc__,
        **NEVER_EXPORTED, **COMMON, **DERIVED[collection],
    )


def api_collections() -> list[str]:
    """Every collection the API publishes: the content collections and the taxonomy."""
    return [*COLLECTIONS, paths.TAXONOMY]


def _abs(ctx: BuildContext, url: str) -> str:
    return absolute(ctx.site_url, url)


def _derived(ctx: BuildContext, collection: str, item_id: str) -> dict[str, Any]:
    g = ctx.graph
    if collection == "projects":
        return {
            "experiments": g.project_experiments.get(item_id, []),
            "calls": g.project_calls.get(item_id, []),
            "offerings": g.project_offerings.get(item_id, []),
            "calendar": _abs(ctx, paths.project_calendar(item_id)),
        }
    if collection == "experiments":
        return {
            "countries": g.experiment_countries[item_id],
            "success_story": g.is_success_story(item_id),
            "badges": [_abs(ctx, b.url) for b in experiment_badges(g, item_id)],
        }
    if collection == "organisations":
        holdings = g.org_holdings.get(item_id, [])
        return {
            "experiments": [Participation.model_construct(experiment=p.experiment, role=p.role)
                            for p in g.org_experiments.get(item_id, [])],
            "projects": g.org_projects.get(item_id, []),
            "holdings": [Holding.model_construct(label=h.label, year=h.year,
                                                 experiment=h.experiment) for h in holdings],
            "badges": list(dict.fromkeys(_abs(ctx, b.url)
                                         for b in organisation_badges(g, item_id))),
        }
    if collection == "calls":
        call = g.calls[item_id].model
        return {
            "status": g.call_status(item_id, ctx.now).value,
            "status_at": ctx.now,
            "opens_at": opens_at(call),
            "closes_at": closes_at(call),
            "experiments": g.call_experiments.get(item_id, []),
        }
    if collection == "offerings":
        provider = g.offerings[item_id].model.provider
        return {"provider_collection": "projects" if provider in g.projects else "organisations"}
    if collection == "labels":
        return {
            "experiments": [ExperimentHolder.model_construct(experiment=h.experiment, year=h.year)
                            for h in g.label_experiments.get(item_id, [])],
            "organisations": [
                OrganisationHolder.model_construct(organisation=o, year=h.year,
                                                   experiment=h.experiment)
                for o, h in g.label_organisations.get(item_id, [])
            ],
            "badge": _abs(ctx, f"badges/{item_id}.svg"),
        }
    if collection == "events":
        event = g.events[item_id].model
        return {
            "status": event_status(event, ctx.now).value,
            "status_at": ctx.now,
            "starts_at": starts_at(event),
            "ends_at": ends_at(event),
        }
    if collection == "news":
        return {}
    raise KeyError(collection)


def _content_records(ctx: BuildContext, collection: str) -> list[BaseModel]:
    model = record_model(collection)
    out = []
    for item_id, item in ctx.graph.collection(collection).items():
        values = {k: v for k, v in item.model if k not in NEVER_EXPORTED}
        values.update(_derived(ctx, collection, item_id))
        out.append(model.model_construct(
            id=item_id, page=_abs(ctx, item_url(collection, item_id)), body=item.body, **values,
        ))
    return out


def _term_records(ctx: BuildContext) -> list[BaseModel]:
    out = []
    taxonomy = ctx.graph.taxonomy
    for vocabulary in type(taxonomy).model_fields:
        for term in getattr(taxonomy, vocabulary):
            page = _abs(ctx, url_of(f"{vocabulary}/{term.id}.md")) \
                if vocabulary in TERM_PAGES else None
            out.append(TermRecord.model_construct(
                id=term.id, name=term.name, description=term.description,
                vocabulary=vocabulary, page=page,
            ))
    return out


def records(ctx: BuildContext, collection: str) -> list[BaseModel]:
    """The records of one API collection, in the graph's (file name) order."""
    if collection == paths.TAXONOMY:
        return _term_records(ctx)
    return _content_records(ctx, collection)


@cache
def _adapter(collection: str) -> TypeAdapter:
    return TypeAdapter(list[record_model(collection)])  # type: ignore[misc]


def dump(collection: str, items: list[BaseModel]) -> list[dict[str, Any]]:
    """JSON-ready dicts: a value of the wrong type raises here instead of reaching the site."""
    return _adapter(collection).dump_python(items, mode="json", warnings="error")


def ordered(record: dict[str, Any]) -> dict[str, Any]:
    """``id`` and ``page`` first, ``body`` last: what a person reading the JSON looks for first."""
    head = {k: record[k] for k in ("id", "page") if k in record}
    tail = {k: record[k] for k in ("body",) if k in record}
    return {**head, **{k: v for k, v in record.items() if k not in head and k not in tail}, **tail}
