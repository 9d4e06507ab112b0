"""The whole site as data: page plans, head metadata and files, before anything is rendered.

A generator *declares* pages and files; an enricher then adds ``<head>`` markup to pages
that every generator has declared. Neither renders a template: a page is a plan (title,
description, and a view: the template and its context, made when the page is rendered), so
the render layer decides where and when it is rendered (a forked worker, in build order), and
an engine adapter only hands the result on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any


@dataclass(frozen=True)
class View:
    """What one page renders: ``template`` with ``context``. (The site search indexes each
    page's own words from the graph, :mod:`i4ms.outputs.search.site`, not from the view.)"""

    template: str
    context: Mapping[str, Any]


@dataclass(frozen=True)
class PagePlan:
    """A page the theme wraps. ``title`` and ``description`` are plain text (escaped where
    printed); ``view`` makes the template context, possibly in another process."""

    src_uri: str
    title: str
    view: Callable[[], View]
    description: str = ""
    kind: str = "page"
    searchable: bool = True
    """False for page 2+ of a listing: nothing there that the items' own pages don't say.
    The site search makes one entry per searchable page."""


@dataclass(frozen=True)
class Asset:
    """A file written as is (SVG badge, JSON, feed, calendar)."""

    path: str
    content: str | bytes


FileJob = Callable[[], "Iterable[Asset] | Callable[[], Iterable[Asset]]"]
"""Files that no page needs while the site is built (search indexes, open data, badges):
made later, possibly in another process, and written beside the pages; or a function that
makes them, called after the other jobs (:meth:`SitePlan.run_jobs`)."""

HeadPart = Callable[[], str]
"""Escaped ``<head>`` markup for one page, made when the page is rendered."""


class OutputCollision(Exception):
    pass


@dataclass
class SitePlan:
    """Everything a build writes, keyed by output path; refuses to write a path twice."""

    pages: dict[str, PagePlan] = field(default_factory=dict)
    assets: dict[str, Asset] = field(default_factory=dict)
    jobs: list[FileJob] = field(default_factory=list)
    head: dict[str, list[HeadPart]] = field(default_factory=dict)
    own_runs: list[FileJob] = field(default_factory=list)
    _process_jobs: int = field(default=0, repr=False)

    def add_page(self, page: PagePlan) -> None:
        if page.src_uri in self.pages or page.src_uri in self.assets:
            raise OutputCollision(f"two generators write {page.src_uri}")
        self.pages[page.src_uri] = page

    def add_asset(self, asset: Asset) -> None:
        if asset.path in self.assets or asset.path in self.pages:
            raise OutputCollision(f"two generators write {asset.path}")
        self.assets[asset.path] = asset

    def add_job(self, job: FileJob, *, starts_process: bool = False,
                own_run: bool = False) -> None:
        """``starts_process``: the job starts another process and returns a function that
        waits for it (lunr.js under Node). Such jobs run before the others, so that process
        works meanwhile: started last, the site search's Node ran alone at the end of a
        build, one core idle.

        ``own_run``: the job is a run of its own (:meth:`runs`), which the render layer may
        give a process: the open data, the longest job in Python, ran after the others in
        the one files worker, while the other core waited."""
        if own_run:
            self.own_runs.append(job)
        elif starts_process:
            self.jobs.insert(self._process_jobs, job)
            self._process_jobs += 1
        else:
            self.jobs.append(job)

    def add_head(self, src_uri: str, part: HeadPart) -> None:
        """Enrich a declared page; an enricher can only add to a page, never replace it."""
        if src_uri not in self.pages:
            raise KeyError(f"no page {src_uri} to add <head> markup to")
        self.head.setdefault(src_uri, []).append(part)

    def head_of(self, src_uri: str) -> str:
        return "\n".join(part() for part in self.head.get(src_uri, []))

    def run_jobs(self) -> list[Asset]:
        """The files of every job, checked like ``add_asset`` against everything else."""
        return self._run([*self.jobs, *self.own_runs])

    def runs(self) -> list[Callable[[], list[Asset]]]:
        """The jobs as independent runs (the shared one, then each ``own_run`` job), which
        may run in parallel; each checks its files like :meth:`run_jobs`, and
        :func:`check_runs` checks them against each other's."""
        shared = [partial(self._run, self.jobs)] if self.jobs else []
        return [*shared, *(partial(self._run, [job]) for job in self.own_runs)]

    def _run(self, jobs: list[FileJob]) -> list[Asset]:
        """A job may return a function instead of its files: it is called once every job has
        run, so a job that waits on another process (lunr.js under Node) lets the others work
        meanwhile."""
        made: dict[str, Asset] = {}
        later: list[Callable[[], Iterable[Asset]]] = []
        for job in jobs:
            result = job()
            if callable(result):
                later.append(result)
            else:
                self._check(made, result)
        for finish in later:
            self._check(made, finish())
        return list(made.values())

    def _check(self, made: dict[str, Asset], assets: Iterable[Asset]) -> None:
        for asset in assets:
            if asset.path in made or asset.path in self.assets or asset.path in self.pages:
                raise OutputCollision(f"two generators write {asset.path}")
            made[asset.path] = asset


def check_runs(paths: Iterable[Iterable[str]]) -> None:
    """Refuse a path that two runs of :meth:`SitePlan.runs` both write."""
    seen: set[str] = set()
    for run in paths:
        for path in run:
            if path in seen:
                raise OutputCollision(f"two generators write {path}")
            seen.add(path)


def view(template: str, **context: Any) -> View:
    return View(template, context)


def static_view(template: str, **context: Any) -> Callable[[], View]:
    """A view whose context is already made (a small page: no work to defer)."""
    made = View(template, context)
    return lambda: made
