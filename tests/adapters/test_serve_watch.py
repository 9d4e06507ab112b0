"""`mkdocs serve` hears of edits from the file system: an edit starts a build at once, a
build reading every content file starts none (the real server is tested in tests/e2e_site)."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from i4ms.adapters.mkdocs import watch
from i4ms.adapters.mkdocs.watch import watch_natively


def _server(folder: Path) -> LiveReloadServer:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(folder))
    server.watch(str(folder))
    return server


def _wants_rebuild(server: LiveReloadServer, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        with server._rebuild_cond:
            if server._want_rebuild:
                server._want_rebuild = False
                return True
        time.sleep(0.01)
    return False


@pytest.fixture
def watched(tmp_path: Path):
    content = tmp_path / "content"
    (content / "experiments").mkdir(parents=True)
    story = content / "experiments" / "smart-weld.md"
    story.write_text("---\ntitle: Smart welding\n---\n", encoding="utf-8")
    server = watch_natively(_server(content), SimpleNamespace(extra={}))
    if isinstance(server.observer, PollingObserver):  # the fallback is tested below
        pytest.skip("this machine's native file watcher would not start (see the warning)")
    server.observer.start()
    time.sleep(0.2)
    yield server, story
    server.observer.stop()
    server.observer.join()


def test_an_edit_is_heard_at_once_and_a_read_not_at_all(watched) -> None:
    server, story = watched
    for _ in range(3):  # what every build does to every content file
        story.read_bytes()
    assert not _wants_rebuild(server, within=1.0)
    story.write_text("---\ntitle: Smart welding, renamed\n---\n", encoding="utf-8")
    assert _wants_rebuild(server, within=5.0)
    (story.parent / "new-story.md").write_text("---\ntitle: New\n---\n", encoding="utf-8")
    assert _wants_rebuild(server, within=5.0)
    story.unlink()
    assert _wants_rebuild(server, within=5.0)


def test_a_machine_without_a_native_watcher_falls_back_to_polling_and_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """No inotify instance left (a busy CI machine, some containers): serve still runs."""
    def no_watcher(paths: dict[str, int]) -> None:
        raise OSError(24, "inotify instance limit reached")

    monkeypatch.setattr(watch, "_probe", no_watcher)
    polled = _server(tmp_path)
    observer = polled.observer
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.i4ms"):
        server = watch_natively(polled, SimpleNamespace(extra={}))
    assert server.observer is observer and isinstance(observer, PollingObserver)
    assert list(server._watched_paths) == [str(tmp_path)]
    assert "polls for changes: the native file watcher failed" in caplog.text
    assert "inotify instance limit reached" in caplog.text


def test_polling_can_be_kept_for_file_systems_without_events(tmp_path: Path) -> None:
    server = watch_natively(_server(tmp_path), SimpleNamespace(extra={"i4ms_serve_watch": "poll"}))
    assert isinstance(server.observer, PollingObserver)
    assert list(server._watched_paths) == [str(tmp_path)]
