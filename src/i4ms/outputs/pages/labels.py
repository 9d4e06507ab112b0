"""Label and award pages (criteria, every holder) and the SVG badges each holder can embed."""

from __future__ import annotations

from i4ms.content.markdown import render_markdown
from i4ms.outputs.pictures.badges import badge_svg
from i4ms.outputs.plan import Asset, PagePlan, SitePlan, static_view
from i4ms.views.badge_geometry import badge_width
from i4ms.views.context import BuildContext
from i4ms.views.links import experiment_badges, item_link, organisation_badges
from i4ms.views.pagination import paginate
from i4ms.views.urls import item_src


def _badges(ctx: BuildContext) -> list[Asset]:
    g = ctx.graph
    assets = [Asset(f"badges/{label_id}.svg", badge_svg(item.model.name, None))
              for label_id, item in g.labels.items()]
    for exp_id in g.experiments:
        for b in experiment_badges(g, exp_id):
            assets.append(Asset(b.url, badge_svg(b.name, b.year, g.experiments[exp_id].model.title)))
    for org_id in g.organisations:
        seen = set()
        for b in organisation_badges(g, org_id):
            if b.url in seen:
                continue
            seen.add(b.url)
            holder = g.organisations[org_id].model
            assets.append(Asset(b.url, badge_svg(b.name, b.year, holder.short_name or holder.name)))
    return assets


def declare(ctx: BuildContext, plan: SitePlan) -> None:
    g = ctx.graph
    plan.add_job(lambda: _badges(ctx))
    rows = []
    for label_id, item in g.labels.items():
        label = item.model
        holders = (
            [("experiments", h.experiment, h.year) for h in g.label_experiments.get(label_id, [])]
            + [("organisations", o, h.year) for o, h in g.label_organisations.get(label_id, [])]
        )
        holders = list(dict.fromkeys(holders))
        rows.append({"link": item_link(g, "labels", label_id), "label": label,
                     "holders": len(holders), "badge": f"badges/{label_id}.svg",
                     "badge_width": badge_width(label.name, None)})
        groups: dict[str, list] = {}
        for c in label.criteria:
            groups.setdefault(c.group or "", []).append(c.text)
        src = item_src("labels", label_id)
        folder = src[:-3] + "/"
        pagers = paginate(holders, folder, per_page=200)
        for pager in pagers:
            page_view = static_view(
                "label.html",
                label=label, criteria=list(groups.items()), pager=pager, total=len(holders),
                holders=[{"link": item_link(g, coll, hid), "kind": coll[:-1], "year": year}
                         for coll, hid, year in pager.items],
                badge=f"badges/{label_id}.svg", badge_width=badge_width(label.name, None),
                body=render_markdown(item.body),
            )
            page_src = src if pager.number == 1 else pager.src_uri
            plan.add_page(PagePlan(page_src, label.name, page_view, label.summary or label.name,
                                   kind="label", searchable=pager.number == 1))
    plan.add_page(PagePlan("labels/index.md", "Labels & awards",
                           static_view("labels.html", rows=rows),
                           "The I4MS-SAE label and the I4MS Disruptors Award, and who holds them.",
                           kind="collection"))
