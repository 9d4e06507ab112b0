"""One contributor file split into front matter and body, with line numbers kept."""

from __future__ import annotations

import errno
import os
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
    """The file's text, never through a symbolic link (O_NOFOLLOW: the loader refuses links
    it lists; this holds when one appears between listing and reading)."""
    return decode_text(read_bytes(file))


def read_bytes(file: Path) -> bytes:
    """The file's bytes, as :func:`read_text` reads them: no link, at most ``MAX_BYTES``."""
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise YamlProblem(1, "is a symbolic link: content must be a real file") from None
        raise YamlProblem(1, f"cannot be read ({err.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_BYTES:
            raise YamlProblem(1, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
        data = handle.read()
    if len(data) > MAX_BYTES:  # grew since the size was read
        raise YamlProblem(1, f"file is over {MAX_BYTES:,} bytes, the limit")
    return data


def decode_text(data: bytes) -> str:
    """UTF-8 (a byte-order mark allowed), line ends as text mode reads them."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise YamlProblem(1, f"file is not UTF-8 text ({err.reason})") from None
    if "\r" in text:  # line ends as text mode reads them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


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
