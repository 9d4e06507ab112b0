"""One contributor file split into front matter and body, with line numbers kept."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import frontmatter

from i4ms.content.yaml12 import Parsed, YamlProblem, load_mapping

MAX_BYTES = 1_000_000
"""A content file bigger than this is a mistake (or an attack); say so rather than chew on it."""

_BOUNDARY = frontmatter.YAMLHandler.FM_BOUNDARY


@dataclass(frozen=True)
class Document:
    path: str
    front: Parsed
    body: str
    body_line: int


def read_text(file: Path, shown: str) -> str:
    size = file.stat().st_size
    if size > MAX_BYTES:
        raise YamlProblem(1, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
    try:
        return file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise YamlProblem(1, f"file is not UTF-8 text ({err.reason})") from None


def parse_document(text: str, shown: str) -> Document:
    """Split ``---`` front matter from the Markdown body, keeping line numbers of both."""
    start = _BOUNDARY.match(text)
    if not start or start.start() != 0:
        raise YamlProblem(1, "missing front matter: the file must start with a '---' line")
    end = _BOUNDARY.search(text, start.end())
    if not end:
        raise YamlProblem(1, "front matter is not closed: add a '---' line after the fields")
    block = text[start.end() : end.start()]
    first_line = text.count("\n", 0, start.end()) + 1
    if not block.strip():
        raise YamlProblem(1, "front matter is empty")
    front = load_mapping(block, first_line)
    body = text[end.end() :]
    body_line = text.count("\n", 0, end.end()) + 1
    if body.startswith("\n"):
        body, body_line = body[1:], body_line + 1
    return Document(path=shown, front=front, body=body, body_line=body_line)
