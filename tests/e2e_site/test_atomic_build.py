"""A build that fails late, or is killed, leaves the previous site whole; a good one replaces it."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time
from pathlib import Path

import yaml
from helpers.sitebuild import FIXTURE, build, env, write_config
from helpers.tools import MKDOCS

FAIL_HOOK = '''
def on_post_page(output, page, config):
    if page.file.src_uri == "organisations/index.md":
        raise RuntimeError("a late failure, after most pages are written")
    return output
'''


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def _first_build(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    out = tmp_path / "site"
    run = build(FIXTURE, out)
    assert run.returncode == 0, run.stderr[-2000:]
    before = snapshot(out)
    assert "index.html" in before and len(before) > 50
    return out, before


def test_a_late_failure_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    out, before = _first_build(tmp_path)
    hook = tmp_path / "fail_hook.py"
    hook.write_text(FAIL_HOOK, encoding="utf-8")
    config = write_config(tmp_path, FIXTURE)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["hooks"].append(str(hook))
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    run = subprocess.run([*MKDOCS, "build", "-f", str(config), "-d", str(out)],
                         capture_output=True, text=True, env=env(), timeout=600)
    assert run.returncode != 0 and "a late failure" in run.stderr
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_a_killed_build_leaves_the_previous_site_and_the_next_one_cleans_up(tmp_path: Path) -> None:
    out, before = _first_build(tmp_path)
    config = write_config(tmp_path, FIXTURE)
    proc = subprocess.Popen([*MKDOCS, "build", "-f", str(config), "-d", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env(),
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while not leftovers(out) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the build and its forked workers
    proc.wait(timeout=30)
    assert snapshot(out) == before
    run = build(FIXTURE, out)
    assert run.returncode == 0, run.stderr[-2000:]
    assert leftovers(out) == []
    assert snapshot(out).keys() == before.keys()
