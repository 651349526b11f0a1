"""Plain text: optional front matter, and the headline rule.

The text after the front matter is kept exactly: the headline is recognised but
stays at offset 0, so mentions in it keep true offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirelens.ingest.fields import Fields

#: A first line longer than this is a paragraph, not a headline, even when a
#: blank line follows it (headlines run to about 15 words).
MAX_HEADLINE_CHARS = 200

_FENCE = re.compile(r"---[ \t]*")
_KEY_VALUE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*)")
_FRONT_MATTER_KEYS = Fields.names()


@dataclass(frozen=True, slots=True)
class ParsedText:
    text: str
    found: Fields


def parse_text(text: str) -> ParsedText:
    """Split off front matter and find the headline in normalised ``text``."""
    found, body = split_front_matter(text)
    if found.title is None:
        found = Fields(title=headline(body)).over(found)
    return ParsedText(body, found)


def split_front_matter(text: str) -> tuple[Fields, str]:
    """``(metadata, body)``; without a closed ``---`` block the text is all body.

    Keys other than the :class:`Fields` names are ignored, and so are lines that
    are not ``key: value``.  Matching quotes around a value are removed.
    """
    lines = text.split("\n")
    if not lines or not _FENCE.fullmatch(lines[0]):
        return Fields(), text
    values: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=1):
        if _FENCE.fullmatch(line):
            body = "\n".join(lines[number + 1 :])
            return Fields(**values), body
        match = _KEY_VALUE.fullmatch(line.strip())
        if match is None:
            continue
        key, value = match.group(1).lower(), _unquote(match.group(2).strip())
        if key in _FRONT_MATTER_KEYS and value:
            values[key] = value
    return Fields(), text


def headline(text: str) -> str | None:
    """The first non-blank line when a blank line follows it (and more text after)."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        first = line.strip()
        rest = lines[index + 1 :]
        if (
            len(first) <= MAX_HEADLINE_CHARS
            and len(rest) >= 2
            and not rest[0].strip()
            and any(other.strip() for other in rest[1:])
        ):
            return first
        return None
    return None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
