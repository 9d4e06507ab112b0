"""`mkdocs serve` reuses the theme output of pages that cannot have changed
(i4ms.adapters.mkdocs.reuse): after an edit, every page must be byte for byte what a fresh
build of the edited content writes, and the pages that show the edit must be rendered again."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from helpers.sitebuild import FIXTURE, env, write_config

# Builds as `mkdocs serve` runs them: one process, the serve command, the serve URL, one
# build after another; the third after an edit, the fourth with nothing kept (fresh).
DRIVER = r"""
import json, re, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from i4ms.adapters.mkdocs import reuse, staging

config_file, exp, out_kept, out_fresh = sys.argv[1:5]
staging.remember_command("serve")
URL = "http://127.0.0.1:8000/"
reused = []
original = reuse.ThemeReuse.reused
def counted(self, src, key):
    got = original(self, src, key)
    if got is not None:
        reused.append(src)
    return got
reuse.ThemeReuse.reused = counted

def once(out):
    reused.clear()
    config = load_config(config_file=config_file, site_dir=out)
    config.site_url = URL
    build(config, serve_url=URL)
    return sorted(reused)

first = once(out_kept)
again = once(out_kept)
path = Path(exp)
path.write_text(re.sub(r"^title:.*$", 'title: "Welding cell renamed in serve"',
                       path.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
edited = once(out_kept)
reuse._REUSE.clear()
fresh = once(out_fresh)
print(json.dumps({"first": first, "again": again, "edited": edited, "fresh": fresh}))
"""


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_an_edit_under_serve_gives_the_pages_of_a_fresh_build(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    config = write_config(tmp_path, content)
    kept, fresh = tmp_path / "kept", tmp_path / "fresh"
    run = subprocess.run(
        [sys.executable, "-c", DRIVER, str(config), str(content / "experiments" / "smart-weld.md"),
         str(kept), str(fresh)],
        capture_output=True, text=True, env={**env(), "SOURCE_DATE_EPOCH": "1767225600"},
        timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got["first"] == [] and got["fresh"] == []  # nothing to reuse yet
    assert len(got["again"]) > 20  # an unchanged rebuild reuses our pages
    # The edited experiment, and the project page listing it, are rendered again.
    assert "experiments/smart-weld.md" not in got["edited"]
    assert "projects/alpha-fab.md" not in got["edited"]
    assert len(got["edited"]) > 10

    after, expected = _files(kept), _files(fresh)
    assert after.keys() == expected.keys()
    assert [page for page in expected if after[page] != expected[page]] == []
    assert "Welding cell renamed in serve" in after["experiments/smart-weld/index.html"].decode()
    assert "Welding cell renamed in serve" in after["projects/alpha-fab/index.html"].decode()
