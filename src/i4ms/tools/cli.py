"""The ``i4ms`` command: what contributors and CI run against ``content/``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from i4ms.adapters.export.config import ExportConfigError
from i4ms.adapters.export.tree import ExportError, export
from i4ms.content import cms_config
from i4ms.content.loader import load_content
from i4ms.content.placeholders import explain_placeholders
from i4ms.content.problems import ContentError, errors, format_github, format_json, format_text
from i4ms.graph.build import check
from i4ms.tools import fieldref, scaffold
from i4ms.tools.schema_export import stale_schemas, write_schemas

FORMATS = {"text": format_text, "github": format_github, "json": format_json}


def cmd_validate(args: argparse.Namespace) -> int:
    root = Path(args.content_dir)
    if not root.is_dir():
        print(f"i4ms validate: no such directory: {root}", file=sys.stderr)
        return 2
    loaded = load_content(root)
    problems = explain_placeholders(check(loaded))
    if not errors(problems):
        warnings = [p.text() if args.format == "text" else p.github() for p in problems]
        if args.format == "json":
            print(format_json(problems))
        elif warnings:
            print("\n".join(warnings))
        if args.format == "text":
            counts = ", ".join(f"{len(v)} {k}" for k, v in loaded.items.items())
            print(f"{root}: valid ({counts}){count_warnings(problems)}")
        return 0
    print(FORMATS[args.format](problems))
    return 1


def count_warnings(problems: list) -> str:
    return f"; {len(problems)} warning{'s' if len(problems) != 1 else ''}" if problems else ""


def cmd_schema(args: argparse.Namespace) -> int:
    folder = Path(args.out)
    if args.check:
        stale = stale_schemas(folder)
        if stale:
            for name in stale:
                print(f"{folder / name}: stale: run `i4ms schema` and commit the result")
            return 1
        print(f"{folder}: schemas match the models")
        return 0
    for path in write_schemas(folder):
        print(f"wrote {path}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.dir)
    try:
        done = export(Path(args.config), out, Path(args.content) if args.content else None)
    except ContentError as err:
        print("i4ms export: the content is not valid; nothing was written:\n"
              + format_text(explain_placeholders(list(err.problems))), file=sys.stderr)
        return 1
    except (ExportError, ExportConfigError) as err:
        print(f"i4ms export: {err}", file=sys.stderr)
        return 2
    print(f"{out}: {done.pages} pages of ours, {done.written_pages} hand-written, {done.files} files;"
          f" render it with `properdocs build -f {out / 'mkdocs.yml'}` or"
          f" `zensical build -f {out / 'mkdocs.yml'}`")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="i4ms", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check content/; print every problem as path:line: field")
    v.add_argument("content_dir", nargs="?", default="content")
    v.add_argument("--format", choices=sorted(FORMATS), default="text")
    v.set_defaults(run=cmd_validate)
    s = sub.add_parser("schema", help="write schemas/<collection>.schema.json from the models")
    s.add_argument("--out", default="schemas")
    s.add_argument("--check", action="store_true", help="exit 1 when schemas/ is stale")
    s.set_defaults(run=cmd_schema)
    e = sub.add_parser("export", help="write the site as a docs tree any MkDocs-compatible engine "
                       "renders without our hooks (mkdocs.yml, docs/, overrides/)")
    e.add_argument("dir", help="the folder to write (new, empty, or an earlier export)")
    e.add_argument("--config", default="mkdocs.yml", help="the project's mkdocs.yml (default: mkdocs.yml)")
    e.add_argument("--content", help="the content folder (default: extra.i4ms_content of the config)")
    e.set_defaults(run=cmd_export)
    scaffold.add_parser(sub)
    fieldref.add_parser(sub)
    cms_config.add_parser(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
