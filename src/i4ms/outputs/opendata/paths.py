"""Where every open-data file lives, relative to the site root. One table for links and tests."""

from __future__ import annotations

API = "api/v1/"
SCHEMAS = "schemas/"
API_SCHEMAS = "schemas/api/v1/"
FEEDS = "feeds/"
CALENDARS = "calendars/"
OPEN_DATA_PAGE = "open-data/index.md"
OG_IMAGE = "assets/i4ms-og.png"

TAXONOMY = "taxonomy"
"""The vocabularies, published as a collection of the API like the content collections."""


def api_json(collection: str) -> str:
    return f"{API}{collection}.json"


def api_csv(collection: str) -> str:
    return f"{API}{collection}.csv"


def api_index() -> str:
    return f"{API}index.json"


def api_schema(collection: str) -> str:
    """The schema of an API file (the envelope): ``index`` or a collection name."""
    return f"{API_SCHEMAS}{collection}.schema.json"


def item_schema(collection: str) -> str:
    """The schema of one item of an API collection, which the envelope schema references."""
    return f"{API_SCHEMAS}{collection}.item.schema.json"


def content_schema(name: str) -> str:
    """The schema of what contributors write (``schemas/<name>.schema.json`` in the repository)."""
    return f"{SCHEMAS}{name}.schema.json"


def feed(name: str, kind: str) -> str:
    """``kind`` is ``atom`` or ``rss``."""
    return f"{FEEDS}{name}.{kind}.xml"


def calls_calendar() -> str:
    return f"{CALENDARS}calls.ics"


def project_calendar(project_id: str) -> str:
    return f"{CALENDARS}projects/{project_id}.ics"


def events_calendar() -> str:
    return f"{CALENDARS}events.ics"


def project_events_calendar(project_id: str) -> str:
    return f"{CALENDARS}events/projects/{project_id}.ics"


def event_calendar(event_id: str) -> str:
    return f"{CALENDARS}events/{event_id}.ics"
