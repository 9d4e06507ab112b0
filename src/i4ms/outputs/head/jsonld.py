"""schema.org JSON-LD for item pages, safe inside ``<script type="application/ld+json">``.

Organisations are ``Organization``; calls ``MonetaryGrant`` (with an ``ApplyAction`` for the
window); success stories ``Article`` and other experiments ``Project``; projects
``ResearchProject``; offerings ``Service``; the home page ``WebSite``. The JSON is escaped so
that no contributor text can close the script element: ``<``, ``>`` and ``&`` become
``\\u003c``, ``\\u003e``, ``\\u0026`` (and U+2028/U+2029 are escaped too).
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from i4ms.graph.call_status import closes_at, opens_at
from i4ms.graph.event_time import ends_at, starts_at
from i4ms.outputs.opendata import paths
from i4ms.views.context import BuildContext
from i4ms.views.dates import item_modified, story_date
from i4ms.views.links import country_name, term_name
from i4ms.views.urls import absolute, item_url

CONTEXT = "https://schema.org"
JsonLd = dict[str, Any]
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
           "\u2029": "\\u2029"}
_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")
RASTER = re.compile(r"^https?://\S+\.(?:png|jpe?g|gif|webp)$", re.IGNORECASE)


def safe_json(data: Any) -> str:
    """JSON that an HTML parser cannot end early: no ``<``, ``>`` or ``&`` left in the text."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _UNSAFE_RE.sub(lambda m: _UNSAFE[m.group()], text)


def script(data: JsonLd) -> str:
    return f'<script type="application/ld+json">{safe_json(data)}</script>'


def _page(ctx: BuildContext, collection: str, item_id: str) -> str:
    return absolute(ctx.site_url, item_url(collection, item_id))


def _clean(data: JsonLd) -> JsonLd:
    """Drop empty values: schema.org consumers read a missing property better than a null."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def image(ctx: BuildContext, candidate: str | None = None) -> str:
    """A raster image for sharing: the item's own when it is an absolute PNG/JPEG URL."""
    if candidate and RASTER.match(candidate):
        return candidate
    return absolute(ctx.site_url, paths.OG_IMAGE)


def publisher(ctx: BuildContext) -> JsonLd:
    return {"@type": "Organization", "name": ctx.site_name, "url": ctx.site_url,
            "logo": {"@type": "ImageObject", "url": image(ctx)}}


def _project_ref(ctx: BuildContext, proj_id: str) -> JsonLd:
    proj = ctx.graph.projects[proj_id].model
    return _clean({"@type": "ResearchProject", "name": proj.acronym,
                   "url": _page(ctx, "projects", proj_id), "sameAs": proj.website})


def _org_ref(ctx: BuildContext, org_id: str) -> JsonLd:
    org = ctx.graph.organisations[org_id].model
    return {"@type": "Organization", "name": org.name, "url": _page(ctx, "organisations", org_id)}


def _label_names(ctx: BuildContext, holdings: list[tuple[str, int | None]]) -> list[str]:
    names = [f"{ctx.graph.labels[label].model.name}{f' {year}' if year else ''}"
             for label, year in holdings]
    return list(dict.fromkeys(names))


def organisation(ctx: BuildContext, org_id: str) -> JsonLd:
    g = ctx.graph
    org = g.organisations[org_id].model
    return _clean({
        "@context": CONTEXT, "@type": "Organization",
        "@id": _page(ctx, "organisations", org_id) + "#organization",
        "name": org.name, "alternateName": org.short_name,
        "url": _page(ctx, "organisations", org_id),
        "sameAs": [org.website] if org.website else [],
        "description": org.summary,
        "address": _clean({"@type": "PostalAddress", "addressCountry": org.country,
                           "addressRegion": org.region}),
        "award": _label_names(ctx, [(h.label, h.year) for h in g.org_holdings.get(org_id, [])]),
    })


def call(ctx: BuildContext, call_id: str) -> JsonLd:
    c = ctx.graph.calls[call_id].model
    amount = ({"@type": "MonetaryAmount", "value": c.budget.amount, "currency": c.budget.currency}
              if c.budget else None)
    return _clean({
        "@context": CONTEXT, "@type": "MonetaryGrant",
        "@id": _page(ctx, "calls", call_id) + "#grant",
        "name": c.title, "identifier": c.identifier, "description": c.summary,
        "url": _page(ctx, "calls", call_id), "sameAs": c.url,
        "funder": _project_ref(ctx, c.project),
        "amount": amount,
        "potentialAction": {
            "@type": "ApplyAction", "target": c.url,
            "startTime": opens_at(c).isoformat(), "endTime": closes_at(c).isoformat(),
        },
    })


def experiment(ctx: BuildContext, exp_id: str) -> JsonLd:
    g = ctx.graph
    exp = g.experiments[exp_id].model
    page = _page(ctx, "experiments", exp_id)
    story = g.is_success_story(exp_id)
    common = {
        "@context": CONTEXT, "@type": "Article" if story else "Project",
        "@id": page + ("#article" if story else "#project"),
        "url": page, "name": exp.title, "description": exp.summary,
        "image": image(ctx, exp.image),
        "keywords": ", ".join(term_name(g, "technologies", t) for t in exp.technologies),
        "about": [{"@type": "Thing", "name": term_name(g, "technologies", t)}
                  for t in exp.technologies],
        "mentions": [_org_ref(ctx, p.organisation) for p in exp.partners],
        "award": _label_names(ctx, [(gr.label, gr.year) for gr in exp.grants]),
    }
    if not story:
        return _clean({**common, "sameAs": exp.website,
                       "parentOrganization": _project_ref(ctx, exp.project)})
    published = story_date(ctx, exp_id)
    modified = item_modified(ctx, "experiments", exp_id) or published
    return _clean({
        **common,
        "headline": exp.title if len(exp.title) <= 110 else exp.title[:109] + "…",
        "mainEntityOfPage": page,
        "datePublished": published.isoformat() if published else None,
        "dateModified": modified.isoformat() if modified else None,
        "author": _project_ref(ctx, exp.project),
        "publisher": publisher(ctx),
        "inLanguage": "en",
        "spatialCoverage": [{"@type": "Country", "name": country_name(c)}
                            for c in g.experiment_countries[exp_id]],
    })


def project(ctx: BuildContext, proj_id: str) -> JsonLd:
    g = ctx.graph
    p = g.projects[proj_id].model
    members = [o for o in [p.coordinator, *p.dihs] if o]
    return _clean({
        "@context": CONTEXT, "@type": "ResearchProject",
        "@id": _page(ctx, "projects", proj_id) + "#project",
        "name": p.name, "alternateName": p.acronym, "url": _page(ctx, "projects", proj_id),
        "sameAs": [p.website], "description": p.summary,
        "foundingDate": p.started.isoformat() if p.started else None,
        "dissolutionDate": p.ended.isoformat() if p.ended else None,
        "knowsAbout": [term_name(g, "technologies", t) for t in p.technologies],
        "member": [_org_ref(ctx, o) for o in dict.fromkeys(members)],
    })


def offering(ctx: BuildContext, off_id: str) -> JsonLd:
    g = ctx.graph
    o = g.offerings[off_id].model
    provider = (_project_ref(ctx, o.provider) if o.provider in g.projects
                else _org_ref(ctx, o.provider))
    return _clean({
        "@context": CONTEXT, "@type": "Service",
        "@id": _page(ctx, "offerings", off_id) + "#service",
        "name": o.title, "description": o.summary, "url": _page(ctx, "offerings", off_id),
        "sameAs": o.url, "serviceType": term_name(g, "offering_categories", o.category),
        "provider": provider,
        "areaServed": [{"@type": "Country", "name": country_name(c)} for c in o.countries],
    })


def _organiser(ctx: BuildContext, ref_id: str) -> JsonLd:
    return _project_ref(ctx, ref_id) if ref_id in ctx.graph.projects else _org_ref(ctx, ref_id)


def event(ctx: BuildContext, event_id: str) -> JsonLd:
    """schema.org ``Event``, with the attendance mode and place Google's rich results read."""
    g = ctx.graph
    ev = g.events[event_id].model
    page = _page(ctx, "events", event_id)
    places: list[JsonLd] = []
    if ev.online:
        places.append({"@type": "VirtualLocation", "url": ev.registration_url or page})
    if ev.place is not None:
        places.append(_clean({"@type": "Place", "name": ev.place.venue or ev.place.city,
                              "address": {"@type": "PostalAddress", "addressLocality": ev.place.city,
                                          "addressCountry": ev.place.country}}))
    mode = ("MixedEventAttendanceMode" if ev.online and ev.place
            else "OnlineEventAttendanceMode" if ev.online else "OfflineEventAttendanceMode")
    return _clean({
        "@context": CONTEXT, "@type": "Event", "@id": page + "#event",
        "name": ev.title, "description": ev.summary, "url": page,
        "startDate": starts_at(ev).isoformat() if isinstance(ev.starts, datetime) else ev.starts.isoformat(),
        "endDate": (ends_at(ev).isoformat() if isinstance(ev.ends, datetime)
                    else ev.ends.isoformat() if ev.ends else None),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "location": places[0] if len(places) == 1 else places,
        "organizer": [_organiser(ctx, o) for o in ev.organisers],
        "performer": [_clean({"@type": "Person", "name": s.name,
                              "affiliation": _org_ref(ctx, s.organisation) if s.organisation else None})
                      for s in ev.speakers],
        "image": image(ctx),
    })


def news(ctx: BuildContext, news_id: str) -> JsonLd:
    item = ctx.graph.news[news_id].model
    page = _page(ctx, "news", news_id)
    return _clean({
        "@context": CONTEXT, "@type": "NewsArticle", "@id": page + "#article",
        "headline": item.title, "description": item.summary, "url": page,
        "datePublished": item.date.isoformat(), "image": image(ctx, item.image),
        "author": [_organiser(ctx, a) for a in item.authors], "publisher": publisher(ctx),
    })


def website(ctx: BuildContext) -> JsonLd:
    return _clean({
        "@context": CONTEXT, "@type": "WebSite", "@id": ctx.site_url + "#website",
        "name": ctx.site_name, "url": ctx.site_url, "description": ctx.site_description,
        "inLanguage": "en", "publisher": publisher(ctx),
    })


BUILDERS = {
    "organisations": organisation,
    "calls": call,
    "experiments": experiment,
    "projects": project,
    "offerings": offering,
    "events": event,
    "news": news,
}
"""Collection -> JSON-LD of one item. Labels have no schema.org type close enough: none."""
