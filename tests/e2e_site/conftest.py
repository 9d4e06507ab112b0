"""The fixture site and a hostile one, each built once per test session, served on localhost,
and a real Chromium (Debian's, driven by Playwright; never a downloaded browser)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.sitebuild import (
    FIXTURE,
    PAYLOADS,
    XSS,
    build_past_validation,
    built,
    serve,
)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory, "fixture", FIXTURE)


def _hostile_content(root: Path) -> Path:
    content = root / "content"
    shutil.copytree(FIXTURE, content)
    exp = content / "experiments" / "smart-weld.md"
    text = exp.read_text(encoding="utf-8")
    text = text.replace("title: Smart welding cell with a digital twin",
                        "title: " + _yaml(PAYLOADS["title"]), 1)
    text = text.replace("## Challenge", "## Challenge\n\n" + XSS + "\n\n"
                        + '<img src="x" onerror="window.__xss=1">\n\n'
                        + "[click](javascript:window.__xss=1)\n\n"
                        + "[entity](&#106;avascript:window.__xss=1)\n\n"
                        + "<!--><img src=x onerror=window.__xss=1>-->\n\n"
                        + "<textarea><img src=x onerror=window.__xss=1></textarea>\n\n"
                        + '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">'
                        + "</noscript>\n", 1)
    exp.write_text(_set_field(text, "summary", PAYLOADS["summary"]), encoding="utf-8")
    org = next((content / "organisations").glob("*.md"))
    org.write_text(_set_field(org.read_text(encoding="utf-8"), "name", PAYLOADS["name"]),
                   encoding="utf-8")
    label = content / "labels" / "i4ms-sae-label.md"
    label.write_text(_set_field(label.read_text(encoding="utf-8"), "name", PAYLOADS["label"]),
                     encoding="utf-8")
    return content


def _yaml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _set_field(text: str, field: str, value: str) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(f"{field}:"):
            lines[i] = f"{field}: {_yaml(value)}"
            break
    return "\n".join(lines)


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    content = _hostile_content(root)
    out = root / "site"
    run = build_past_validation(content, out)
    assert run.returncode == 0, run.stderr[-3000:]
    return content, out


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url
