"""``i4ms export DIR``: the whole site as a docs tree that an engine renders without hooks.

The same recipe as the MkDocs adapter (:func:`i4ms.render.recipe.prepare`, then
:class:`i4ms.render.pages.PageRenderer`), so an exported page is the page MkDocs gets from
our hooks; only the hand-over differs: files on disk instead of events. Layout of ``DIR``::

    mkdocs.yml          the project's settings without hooks (see :mod:`.config`)
    overrides/main.html prints the <head> markup each page's front matter carries
    docs/               one Markdown page per plan page (at its ``src_uri`` made an index
                        page: see :func:`exported_path`); the hand-written
                        pages of the project's docs/; every file of the plan and its jobs
                        (badges, charts, open data, search files, lunr.js); the project's
                        static theme files (overrides/assets/)
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from i4ms.adapters.export import config as cfg
from i4ms.adapters.export.page import page_markdown, split_written, written_markdown, written_title
from i4ms.content.problems import ContentError
from i4ms.outputs.head.social import head
from i4ms.outputs.plan import Asset, PagePlan
from i4ms.render.emit import write_assets
from i4ms.render.pages import PageRenderer
from i4ms.render.recipe import prepare

MARKER = ".i4ms-export"
"""In every exported tree: a folder with it may be replaced by the next export, no other."""

TEMPLATES = Path(__file__).parent / "templates"


class ExportError(RuntimeError):
    pass


@dataclass(frozen=True)
class Exported:
    pages: int
    written_pages: int
    files: int


def export(config_file: Path, out: Path, content: Path | None = None) -> Exported:
    """Write the tree into ``out`` (created; an earlier export there is replaced)."""
    config = cfg.read_project_config(config_file)
    project = config_file.resolve().parent
    extra = config.get("extra") or {}
    content = (content or project / extra.get("i4ms_content", "content")).resolve()
    node_modules = (project / extra.get("i4ms_node_modules", "node_modules")).resolve()
    ctx, plan = prepare(content, node_modules, site_url=config["site_url"],
                        site_name=config["site_name"],
                        site_description=config.get("site_description") or "")
    files: dict[str, Asset] = {}
    for asset in [*plan.assets.values(), *plan.run_jobs()]:
        _add(files, asset, "the site plan")
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    if custom_dir:
        for asset in _static_files(project / custom_dir):
            _add(files, asset, f"the theme's {custom_dir}/")
    docs_dir = project / config.get("docs_dir", "docs")
    written: dict[str, str] = {}
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        src = path.relative_to(docs_dir).as_posix()
        if src in plan.pages:
            continue  # as in a hooked build: the plan's page replaces a hand-written one
        if path.suffix == ".md":
            meta, body = split_written(path.read_text(encoding="utf-8"))
            title = written_title(meta, body, ctx.site_name)
            description = str(meta.get("description") or ctx.site_description)
            written[src] = written_markdown(
                meta, body, head(ctx, PagePlan(src, title, _no_view, description), None))
        else:
            _add(files, Asset(src, path.read_bytes()), f"{docs_dir.name}/")
    paths = Counter([*(exported_path(src) for src in plan.pages), *written])
    for src, times in paths.items():
        if src in files or times > 1:
            raise ExportError(f"{src}: written twice (two pages, or a page and a file, at one address)")

    _clear(out)
    docs = out / cfg.DOCS
    render = PageRenderer(plan)
    write_assets((Asset(exported_path(src), page_markdown(page, render(src)))
                  for src, page in plan.pages.items()), docs)
    write_assets((Asset(src, text) for src, text in written.items()), docs)
    count = write_assets(files.values(), docs)
    (out / cfg.OVERRIDES).mkdir()
    shutil.copyfile(TEMPLATES / "main.html", out / cfg.OVERRIDES / "main.html")
    cfg.write_config(cfg.exported_config(
        config, lambda src: exported_path(src) if src in plan.pages else src), out / "mkdocs.yml")
    (out / MARKER).write_text("written by `i4ms export`; replaced by the next export\n",
                              encoding="utf-8")
    return Exported(len(plan.pages), len(written), count)


def exported_path(src_uri: str) -> str:
    """``x/y.md`` is written as ``x/y/index.md``: the same address (``x/y/``), and a source
    folder that is the page's folder. Our links are relative to the page's address; MkDocs and
    ProperDocs leave links in raw HTML as they are, but Zensical reads every relative link of a
    page as relative to its source file (it made ``../../c/`` of ``a/b.md`` into
    ``../../../c/``), so only where the two folders are one do both engines agree."""
    if src_uri == "index.md" or src_uri.endswith("/index.md") or not src_uri.endswith(".md"):
        return src_uri
    return src_uri[: -len(".md")] + "/index.md"


def _add(files: dict[str, Asset], asset: Asset, origin: str) -> None:
    if asset.path in files:
        raise ExportError(f"{asset.path}: written twice ({origin} has it too)")
    files[asset.path] = asset


def _static_files(custom_dir: Path) -> list[Asset]:
    """The theme folder's files that are not templates: the engine would copy them as is."""
    return [Asset(p.relative_to(custom_dir).as_posix(), p.read_bytes())
            for p in sorted(custom_dir.rglob("*")) if p.is_file() and p.suffix != ".html"]


def _clear(out: Path) -> None:
    if out.exists():
        if not out.is_dir():
            raise ExportError(f"{out}: exists and is not a folder")
        if any(out.iterdir()):
            if not (out / MARKER).is_file():
                raise ExportError(f"{out}: not empty and not an earlier export; nothing was "
                                  "written (choose an empty or new folder)")
            shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def _no_view():
    raise RuntimeError("a hand-written page has no view of ours")


__all__ = ["ContentError", "ExportError", "Exported", "export"]
