"""Shared field types: ids, URLs, countries, time zones, dates."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from pydantic import ValidationError

from i4ms.content.models import Call, Experiment, Label, Organisation, Project

ORG = {"name": "Acme", "country": "DE", "type": "sme"}
PROJECT = {"name": "Alpha", "acronym": "ALPHA", "phase": 4, "kind": "csa",
           "website": "https://alpha.example/"}
CALL = {"title": "A call", "project": "alpha", "opens": "2024-03-01", "closes": "2024-05-31",
        "url": "https://alpha.example/call"}


def error(model, data: dict) -> dict:
    with pytest.raises(ValidationError) as exc:
        model.model_validate(data)
    (err,) = exc.value.errors(include_url=False)
    return err


@pytest.mark.parametrize("url", ["https://i4ms.eu", "http://x.example/a?b=c#d", "HTTPS://X.EU"])
def test_http_urls(url: str) -> None:
    assert Project.model_validate({**PROJECT, "website": url}).website == url


@pytest.mark.parametrize(
    "url", ["ftp://x.example/", "javascript:alert(1)", "//x.example", "x.example", "https://",
            "https:// x.example", "mailto:info@x.example", "data:text/html,hi"]
)
def test_urls_that_are_not_http(url: str) -> None:
    err = error(Project, {**PROJECT, "website": url})
    assert err["loc"] == ("website",)


@pytest.mark.parametrize("code", ["NO", "DE", "GB", "GR"])
def test_country_codes(code: str) -> None:
    assert Organisation.model_validate({**ORG, "country": code}).country == code


@pytest.mark.parametrize("code", ["UK", "EL", "XX", "no", "NOR", "Norway", ""])
def test_not_country_codes(code: str) -> None:
    assert error(Organisation, {**ORG, "country": code})["loc"] == ("country",)


def test_time_zone() -> None:
    assert Call.model_validate({**CALL, "timezone": "America/Sao_Paulo"}).timezone
    err = error(Call, {**CALL, "timezone": "CEST"})
    assert "is not an IANA time zone" in err["msg"]


def test_dates_and_datetimes() -> None:
    call = Call.model_validate({**CALL, "closes": "2024-05-31T17:00:00+02:00"})
    assert call.opens == date(2024, 3, 1) and type(call.opens) is date
    assert isinstance(call.closes, datetime)
    assert call.closes.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize("value", ["2024-02-30", "31/05/2024", "2024-5-31", "tomorrow"])
def test_not_dates(value: str) -> None:
    err = error(Call, {**CALL, "closes": value})
    assert err["loc"] == ("closes",)


def test_project_dates_are_dates_not_datetimes() -> None:
    err = error(Project, {**PROJECT, "started": "2024-01-01T10:00"})
    assert "is not a date in the form YYYY-MM-DD" in err["msg"]


def test_unknown_fields_are_errors_never_dropped() -> None:
    assert error(Organisation, {**ORG, "colour": "red"})["type"] == "extra_forbidden"


def test_models_are_frozen() -> None:
    org = Organisation.model_validate(ORG)
    with pytest.raises(ValidationError):
        org.name = "Other"


def test_label_criteria_short_and_long_form() -> None:
    label = Label.model_validate(
        {"name": "L", "kind": "label", "criteria": ["Short", {"text": "Long", "group": "G"}]}
    )
    assert [(c.text, c.group) for c in label.criteria] == [("Short", None), ("Long", "G")]


def test_experiment_summary_limit() -> None:
    data = {"title": "T", "project": "p", "technologies": ["ai"], "summary": "x" * 300,
            "partners": [{"organisation": "o", "role": "end-user"}]}
    assert Experiment.model_validate(data)
    assert error(Experiment, {**data, "summary": "x" * 301})["type"] == "string_too_long"


@pytest.mark.parametrize(("field", "value"), [("phase", 0), ("phase", 5), ("kind", "ia")])
def test_project_enums(field: str, value: object) -> None:
    assert error(Project, {**PROJECT, field: value})["loc"] == (field,)


def test_a_number_is_not_read_as_a_date() -> None:
    """Pydantic would read 20230531 as seconds since 1970; the contributor meant a date."""
    from pydantic import TypeAdapter, ValidationError

    from i4ms.content.models.fields import Date, DateOrDateTime

    for kind in (Date, DateOrDateTime):
        with pytest.raises(ValidationError, match="'20230531' is not a date: write it as YYYY-MM-DD"):
            TypeAdapter(kind).validate_python(20230531)


@pytest.mark.parametrize("text", ["0001-01-01", "1989-12-31", "2101-01-01", "9998-12-31",
                                  "9999-12-31T23:59:59+00:00"])
def test_years_outside_1990_to_2100_are_refused(text: str) -> None:
    from pydantic import TypeAdapter, ValidationError

    from i4ms.content.models.fields import Date, DateOrDateTime

    kinds = (DateOrDateTime,) if "T" in text else (Date, DateOrDateTime)
    for kind in kinds:
        with pytest.raises(ValidationError, match="is outside 1990-2100: check the date"):
            TypeAdapter(kind).validate_python(text)
