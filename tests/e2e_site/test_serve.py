"""``mkdocs serve``: an IA edits a Markdown file and sees the change on reload."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import yaml
from helpers.sitebuild import FIXTURE, MKDOCS, env, write_config
from playwright.sync_api import expect

from bench.browser import start_server, stop
from i4ms.adapters.mkdocs import staging
from i4ms.outputs.search.site import TITLES_PATH

NEW_TITLE = "Welding cell & twin, renamed in a pull request"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - localhost
                html = response.read().decode("utf-8")
            if text in html:
                return html
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}")


def test_a_content_edit_shows_on_reload(watched, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    config = write_config(tmp_path, content)
    port = _free_port()
    server = start_server(
        [*MKDOCS, "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env())
    try:
        site_url = yaml.safe_load(config.read_text(encoding="utf-8"))["site_url"]
        base = f"http://127.0.0.1:{port}{urlparse(site_url).path}"  # serve mounts the site there
        url = base + "experiments/smart-weld/"
        _wait_for(url, "Smart welding cell with a digital twin")
        page = watched.page
        page.goto(url)
        expect(page.locator("h1")).to_contain_text("Smart welding cell with a digital twin")

        exp = content / "experiments" / "smart-weld.md"
        exp.write_text(exp.read_text(encoding="utf-8").replace(
            "title: Smart welding cell with a digital twin", f'title: "{NEW_TITLE}"'),
            encoding="utf-8")
        _wait_for(url, "renamed in a pull request")

        # serve's livereload reloads the open page itself (a reload of our own raced it)
        expect(page.locator("h1")).to_have_text(NEW_TITLE, timeout=30_000)
        expect(page.locator('[data-md-component="header-topic"]')).to_contain_text(NEW_TITLE)
        expect(page).to_have_title(f"{NEW_TITLE} - I4MS portal")
        page.goto(base + "projects/alpha-fab/")  # the project lists the experiment's new title
        expect(page.locator("main")).to_contain_text(NEW_TITLE)
        # The files no page needs come after the reload: the site search finds the new title.
        _wait_for(base + TITLES_PATH, json.dumps(NEW_TITLE)[1:-1])
        assert watched.off_site(f"http://127.0.0.1:{port}/") == []  # livereload polls the server
    finally:
        stop(server)


def _serve_folder(tmp_path: Path, extra: dict | None) -> tuple[Path, Path]:
    """Start serve with its own temp dir; (serve's site folder, where it really lives)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    config = write_config(tmp_path, content, extra)
    temp = tmp_path / "tmp"
    temp.mkdir()
    port = _free_port()
    server = start_server(
        [*MKDOCS, "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**env(), "TMPDIR": str(temp)})
    try:
        site_url = yaml.safe_load(config.read_text(encoding="utf-8"))["site_url"]
        _wait_for(f"http://127.0.0.1:{port}{urlparse(site_url).path}", "I4MS")
        [folder] = temp.glob("mkdocs_*")
        real = folder.resolve()
        assert (real / "index.html").is_file() and (real / "experiments" / "smart-weld").is_dir()
        return folder, real
    finally:
        stop(server)
        said = server.stderr.read().decode("utf-8", "replace")[-3000:] if server.stderr else ""
        # Ctrl-C leaves nothing behind
        assert list(temp.glob("mkdocs_*")) == [], f"exit {server.returncode}:\n{said}"


def _memory_has_room() -> bool:
    try:
        stats = os.statvfs(staging.MEMORY)
    except OSError:
        return False
    return os.access(staging.MEMORY, os.W_OK) and (
        stats.f_bavail * stats.f_frsize >= staging.MEMORY_NEEDED)


def test_serve_rebuilds_in_memory_when_there_is_room_and_cleans_up(tmp_path: Path) -> None:
    folder, real = _serve_folder(tmp_path, None)
    if _memory_has_room():
        assert real.parent == staging.MEMORY and real.name.startswith("i4ms-serve-")
    else:  # a machine with a small /dev/shm keeps MkDocs' folder on disk
        assert real.parent == (tmp_path / "tmp").resolve()
    assert not real.exists()


def test_serve_in_memory_can_be_turned_off(tmp_path: Path) -> None:
    folder, real = _serve_folder(tmp_path, {"i4ms_serve_in_memory": False})
    assert real == folder.resolve() and real.parent == (tmp_path / "tmp").resolve()
