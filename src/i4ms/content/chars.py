"""Which characters text may not hold, and how to name one a contributor cannot see.

Every output has a format with its own rules (XML for feeds and badges, iCalendar, JSON,
HTML): invisible control characters break them. Shared by the YAML reader, which checks a
file before parsing it, and the text rules, which check each parsed value.
"""

from __future__ import annotations

import re
import unicodedata

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
"""C0 controls but tab and newline, DEL, C1, the two non-characters XML refuses, and lone
surrogates: none can be written to every output (XML 1.0 refuses most of them outright)."""

LINE_BREAK = re.compile("[\n\r\u2028\u2029]")
HIDDEN = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
"""Bidi controls (U+202A-202E, U+2066-2069, U+200E/F, U+061C) and zero-width characters
(U+200B-200D, U+2060, U+FEFF): invisible, and able to make a name read as another."""

_CONTROL_NAMES = {
    0x00: "NUL", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
    0x0D: "carriage return", 0x1B: "escape", 0x7F: "delete", 0x85: "next line",
    0xFFFE: "non-character", 0xFFFF: "non-character",
}


def describe(char: str) -> str:
    """``U+001B (escape)``: how a contributor can find a character their editor hides."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        name = "lone surrogate"
    else:
        name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "control character").lower()
    return f"U+{code:04X} ({name})"


def control_message(text: str, match: re.Match[str]) -> str:
    at = where(text, match.start())
    return (f"contains the invisible control character {describe(match.group())} {at}: "
            "delete it (it often comes from copying out of a PDF or a word processor)")


def where(text: str, index: int) -> str:
    line_start = text.rfind("\n", 0, index) + 1
    return f"at character {index - line_start + 1}"


def first_control(text: str) -> tuple[int, str] | None:
    """(0-based line, message) of the first control character in ``text``, or None."""
    match = CONTROL.search(text)
    if match is None:
        return None
    return text.count("\n", 0, match.start()), control_message(text, match)
