"""`mkdocs serve` hears of an edit when the file system reports it, not at its next poll.

MkDocs' live-reload server looks at every watched file twice a second (watchdog's
``PollingObserver``, fixed at 0.5 s), then waits 0.1 s for more changes: a third to half a
second of every edit-to-reload (measured at 700 experiments: 0.43-0.57 s from saving a file
to "Building documentation"). Watchdog's native observer (inotify on Linux, FSEvents on
macOS, ReadDirectoryChangesW on Windows) hears of it in milliseconds; MkDocs' own wait for
more changes stays. ``extra.i4ms_serve_watch: poll`` keeps MkDocs' polling, for file systems
that send no events (some network and container mounts).
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

log = logging.getLogger("mkdocs.plugins.i4ms")

CHANGES = [FileCreatedEvent, FileModifiedEvent, FileClosedEvent, FileDeletedEvent, FileMovedEvent]
"""What is an edit. A native observer also reports files opened and read, and every build
reads the whole content folder: each build would start the next."""

POLL = "poll"
NATIVE = "native"


def watch_natively(server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
    """Before the server starts: the paths MkDocs watches, and those it adds after this
    event (``watch:`` in mkdocs.yml), go to the native observer instead of the poller."""
    how = config.extra.get("i4ms_serve_watch", NATIVE)
    if how not in (NATIVE, POLL):
        log.warning("mkdocs.yml: extra.i4ms_serve_watch is %r; it can be %r (the default) or "
                    "%r. Watching with %r.", how, NATIVE, POLL, NATIVE)
    if how == POLL:
        return server
    paths = dict(server._watched_paths)
    try:
        _probe(paths)
    except OSError as err:  # no inotify instances or watches left, say
        log.warning("mkdocs serve polls for changes: the native file watcher failed: %s", err)
        return server
    server.observer = _ChangesOnly()  # the poller was never started: serve() starts this one
    server._watched_paths, server._watch_refs = {}, {}
    for path, count in paths.items():
        for _ in range(count):
            server.watch(path)
    return server


def _probe(paths: dict[str, int]) -> None:
    """An observer starts its watches only in ``serve()``, where a failure would stop the
    server: start them once here, where it can fall back to polling."""
    probe = _ChangesOnly()
    for path in paths:
        probe.schedule(FileSystemEventHandler(), path, recursive=True)
    probe.start()
    probe.stop()
    probe.join()


class _ChangesOnly(Observer):  # type: ignore[misc, valid-type]  # the platform's observer
    """MkDocs schedules its own handler (any event starts a build): only edits reach it."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None):
        return super().schedule(event_handler, path, recursive=recursive,
                                event_filter=event_filter or CHANGES)
