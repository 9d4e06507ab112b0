"""Field types shared by the collections.

References and vocabulary ids carry their target as metadata (:class:`Ref`,
:class:`Vocab`), so the graph checks every reference by reading the models,
not by a hand-written list that could drift from them.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any

import pycountry
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Match it whole (``fullmatch``) in Python: there ``$`` also matches before a final newline.
Pydantic's Rust engine and JSON Schema read ``$`` as the end of the text."""

MAX_ID_LENGTH = 100
"""An id is a file name and a URL segment, with a year and an extension added for a badge;
a longer one is a mistake, and too long for some file systems."""

FIRST_YEAR, LAST_YEAR = 1990, 2100
"""Dates the portal can mean: I4MS started in 2013; anything outside is a typo, and dates
near the calendar's ends break the arithmetic of deadlines and calendars."""

# What a field that several collections share is for: written once here, read by the JSON
# Schemas, the field reference, `i4ms new` and the CMS hints.
SUMMARY = "One or two sentences shown in listings, cards and search results."
SOURCES = "Where the facts come from: the published pages or documents you took them from."
TECHNOLOGIES = "The technologies involved."
TECHNOLOGY_AREAS = "The I4MS technology areas."
NOTES = ("For maintainers only: doubts about a source, what is still unknown. Never shown on "
         "the site, never exported.")


class Strict(BaseModel):
    """Front matter model: unknown fields are errors, never silently dropped; a number is a
    finite number (`.inf`, `1e999` and `.nan` are refused by every float field)."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


@dataclass(frozen=True)
class MultiLine:
    """Marks a text field that may hold several lines (a summary, a quote, notes). Every other
    text field is one line: it becomes a title, a link, a calendar or feed header."""


@dataclass(frozen=True)
class Name:
    """Marks the fields that name an item on the site (its title, name or acronym): they are
    compared with other items' names for look-alike letters."""


MULTILINE = MultiLine()
NAME = Name()


@dataclass(frozen=True)
class Ref:
    """Marks a field as an id of an item in one of ``collections``."""

    collections: tuple[str, ...]


@dataclass(frozen=True)
class Vocab:
    """Marks a field as an id in the ``taxonomy.yml`` list ``vocabulary``."""

    vocabulary: str


def ref(*collections: str) -> Any:
    target = " or ".join(collections)
    return Annotated[
        str,
        Ref(collections),
        Field(
            pattern=ID_PATTERN,
            description=f"id of an item in {target}",
            json_schema_extra={"x-i4ms-ref": list(collections)},
        ),
    ]


def vocab(vocabulary: str) -> Any:
    return Annotated[
        str,
        Vocab(vocabulary),
        Field(
            pattern=ID_PATTERN,
            description=f"id from taxonomy.yml `{vocabulary}`",
            json_schema_extra={"x-i4ms-vocabulary": vocabulary},
        ),
    ]


URL_RULE = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/$.?#][^\s]*$"
"""The whole rule of :data:`HttpUrl`, in a regex JavaScript reads the same (the CMS form)."""
URL_MESSAGE = "must be an http(s) URL, like https://example.eu/page"


def _http_url(value: str) -> str:
    # fullmatch: a URL ending in a newline is not a URL (``$`` would match before it)
    if not re.fullmatch(URL_RULE.removeprefix("^").removesuffix("$"), value):
        raise ValueError(URL_MESSAGE)
    return value


URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://"
COUNTRY_PATTERN = r"^[A-Z]{2}$"

HttpUrl = Annotated[
    str,
    Field(pattern=URL_PATTERN, description="http(s) URL"),
    AfterValidator(_http_url),
]


@cache
def _countries() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


def _country(value: str) -> str:
    if value not in _countries():
        raise ValueError(
            f"'{value}' is not an ISO 3166-1 alpha-2 country code (e.g. NO for Norway, "
            "DE for Germany)"
        )
    return value


CountryCode = Annotated[
    str,
    Field(pattern=COUNTRY_PATTERN, description="ISO 3166-1 alpha-2 code, e.g. NO for Norway"),
    AfterValidator(_country),
]


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _timezone(value: str) -> str:
    if value not in _zones():
        raise ValueError(f"'{value}' is not an IANA time zone, like Europe/Brussels")
    return value


TimeZone = Annotated[str, AfterValidator(_timezone), Field(description="IANA time zone name")]

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _sane_year(value: date) -> date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(
            f"year {value.year:04d} is outside {FIRST_YEAR}-{LAST_YEAR}: check the date"
        )
    return value


def _not_a_number(value: Any) -> None:
    """Pydantic reads a number as seconds since 1970: 20230531 is not 31 May 2023."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"'{value}' is not a date: write it as YYYY-MM-DD, like 2023-05-31")


def _date_or_datetime(value: Any) -> Any:
    """A date stays a date; anything with a time is a datetime (offset optional)."""
    _not_a_number(value)
    if isinstance(value, str):
        text = value.strip()
        if _DATE_ONLY.fullmatch(text):
            try:
                return date.fromisoformat(text)
            except ValueError as err:
                raise ValueError(f"'{text}' is not a real date: {err}") from None
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"'{text}' is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM+02:00)"
            ) from None
    return value


DateOrDateTime = Annotated[
    date | datetime,
    BeforeValidator(_date_or_datetime),
    AfterValidator(_sane_year),
    Field(description="YYYY-MM-DD, or a date-time like 2021-06-30T17:00:00+02:00"),
]


def _real_date(value: Any) -> Any:
    _not_a_number(value)
    if isinstance(value, str) and not _DATE_ONLY.fullmatch(value.strip()):
        raise ValueError(f"'{value}' is not a date in the form YYYY-MM-DD")
    return value


Date = Annotated[
    date, BeforeValidator(_real_date), AfterValidator(_sane_year), Field(description="YYYY-MM-DD")
]


class Source(Strict):
    """Where a fact comes from: published content always says."""

    title: str = Field(min_length=1, description="Title of the page or document, as its "
                       "publisher gives it.")
    url: HttpUrl | None = Field(default=None, description="Address of the page or document.")


class Grant(Strict):
    label: ref("labels") = Field(  # type: ignore[valid-type]
        description="The label or award that was granted.")
    year: int | None = Field(default=None, ge=2000, le=2100, description="Year it was granted.")
    holders: list[ref("organisations")] = Field(  # type: ignore[valid-type]
        default=[],
        description="On an experiment: the partners that hold it, when a source names only "
        "some of them; empty means every partner.",
    )


MaintainerNotes = Annotated[str | None, MULTILINE, Field(default=None, description=NOTES)]
