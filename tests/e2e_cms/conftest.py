"""A temporary clone of the repository, its site built and served on localhost, and
`decap-server` (the CMS's local backend) writing into that clone: never the real content."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.sitebuild import REPO, build, serve

DECAP_SERVER = REPO / "node_modules" / ".bin" / "decap-server"
DEFAULT_PROXY = "http://localhost:8081/api/v1"
"""Where the admin page looks for decap-server (``local_backend: true``)."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cms") / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(root)], check=True)
    return root


@pytest.fixture(scope="module")
def admin_site(clone: Path) -> Iterator[str]:
    out = clone.parent / "site"
    run = build(clone / "content", out)
    assert run.returncode == 0, run.stderr[-3000:]
    with serve(out) as url:
        yield url


@pytest.fixture(scope="module")
def proxy(clone: Path) -> Iterator[str]:
    if not DECAP_SERVER.exists():
        pytest.fail("decap-server is missing: run `npm ci --no-audit --no-fund`")
    port = _free_port()
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1",
           "GIT_REPO_DIRECTORY": str(clone), "LOG_LEVEL": "warn"}
    proc = subprocess.Popen([str(DECAP_SERVER)], cwd=clone, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/api/v1"
    for _ in range(100):
        try:
            req = urllib.request.Request(url, data=b'{"action":"info"}',
                                         headers={"Content-Type": "application/json"})
            urllib.request.urlopen(req, timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("decap-server did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def cms(browser, admin_site: str, proxy: str):
    """A page whose requests to decap-server's default address reach the test's server
    (``local_backend: true`` means localhost:8081, which another program may hold)."""
    from helpers.sitebuild import Watched

    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def forward(route):
        target = route.request.url.replace(DEFAULT_PROXY, proxy)
        route.fulfill(response=route.fetch(url=target))

    context.route(DEFAULT_PROXY + "**", forward)
    watched = Watched(context.new_page())
    watched.admin = admin_site + "admin/"
    yield watched
    # A request still in flight when the test ends would be fulfilled on a closed context,
    # and Playwright raises that error in whatever the next test calls (CI saw it so).
    context.unroute_all(behavior="ignoreErrors")
    context.close()
