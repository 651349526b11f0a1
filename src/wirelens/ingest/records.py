"""JSON and JSONL records: one article per object, one failure per bad record.

A broken record never costs the others: each becomes a :class:`Failure` named
``path:LINE`` and reading goes on (a truncated last line is the usual case).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from wirelens.errors import Code, InputError
from wirelens.ingest.decode import normalise
from wirelens.ingest.fields import Fields
from wirelens.ingest.text import headline
from wirelens.model import Article, Failure

#: Builds an Article from normalised text, a source name and metadata; raises
#: InputError.  Passed in so that this module needs no reader options.
Build = Callable[[str, str, Fields], Article]

_FIELD_NAMES = sorted(Fields.names())
# Python's json module recurses once per nesting level: a hostile or broken
# document nested thousands deep exhausts the stack rather than the parser.
_TOO_DEEP = "invalid JSON: nested too deeply to parse"


def read_jsonl(text: str, *, source: str, build: Build) -> Iterator[Article | Failure]:
    """One record per line; blank lines are skipped."""
    # Split on LF only: U+2028 and friends may sit unescaped inside JSON strings.
    lines = text.split("\n")
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        where = f"{source}:{number}"
        try:
            value = json.loads(line)
        except RecursionError:
            yield Failure(where, Code.JSON.value, _TOO_DEEP)
            continue
        except json.JSONDecodeError as err:
            # A last line with no newline after it is most likely cut short
            # (an interrupted download or write): say so.
            cut = number == len(lines) and not text.endswith("\n")
            hint = "; the last line looks truncated" if cut else ""
            problem = f"invalid JSON at column {err.colno}: {_json_problem(err)}{hint}"
            yield Failure(where, Code.JSON.value, problem)
            continue
        yield _record(value, where=where, build=build)


def read_json(text: str, *, source: str, build: Build) -> Iterator[Article | Failure]:
    """One record object, or a list of them (each named by the line it starts on)."""
    try:
        value = json.loads(text)
    except RecursionError:
        yield Failure(source, Code.JSON.value, _TOO_DEEP)
        return
    except json.JSONDecodeError as err:
        yield Failure(
            source,
            Code.JSON.value,
            f"invalid JSON at line {err.lineno} column {err.colno}: {_json_problem(err)}",
        )
        return
    if isinstance(value, list):
        if not value:
            yield Failure(source, Code.EMPTY.value, "JSON list has no records")
        for item, line in zip(value, _item_lines(text), strict=True):
            yield _record(item, where=f"{source}:{line}", build=build)
    else:
        yield _record(value, where=source, build=build)


def looks_like_jsonl(text: str) -> bool:
    """True when every non-blank line is a JSON object (how stdin is sniffed)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines or not lines[0].startswith("{"):
        return False
    for line in lines:
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except (json.JSONDecodeError, RecursionError):
            return False
    return True


def _record(value: Any, *, where: str, build: Build) -> Article | Failure:
    try:
        text, found = _fields(value, where=where)
        return build(text, where, found)
    except InputError as err:
        return Failure(err.source, err.code.value, err.problem)


def _fields(value: Any, *, where: str) -> tuple[str, Fields]:
    if not isinstance(value, dict):
        raise InputError(where, f"record is a JSON {_kind(value)}, not an object", code=Code.RECORD)
    text = value.get("text")
    if text is None:
        raise InputError(where, "record has no 'text' field", code=Code.RECORD)
    if not isinstance(text, str):
        raise InputError(
            where, f"record field 'text' must be a string, not {_kind(text)}", code=Code.RECORD
        )
    if not text.strip():
        raise InputError(where, "record field 'text' is empty", code=Code.RECORD)
    given: dict[str, str] = {}
    for name in _FIELD_NAMES:
        field = value.get(name)
        if field is None:
            continue
        if not isinstance(field, str):
            raise InputError(
                where,
                f"record field {name!r} must be a string, not {_kind(field)}",
                code=Code.RECORD,
            )
        field = " ".join(normalise(field).split())
        if field:
            given[name] = field
    text = normalise(text)
    found = Fields(**given)
    if found.title is None:
        found = Fields(title=headline(text)).over(found)
    return text, found


def _item_lines(text: str) -> Iterator[int]:
    """Line number where each element of a top-level JSON array starts."""
    decoder = json.JSONDecoder()
    position = text.index("[") + 1
    line, counted = 1, 0
    while True:
        position = _skip(text, position, ",")
        if text[position] == "]":
            return
        # Count forward from the last element only: a long list stays linear.
        line += text.count("\n", counted, position)
        counted = position
        yield line
        _, position = decoder.raw_decode(text, position)


def _skip(text: str, position: int, separator: str) -> int:
    while text[position].isspace() or text[position] == separator:
        position += 1
    return position


def _json_problem(err: json.JSONDecodeError) -> str:
    # json's messages expect a position after them ("Unterminated string
    # starting at"); the position is given separately, so drop the dangling "at".
    message = err.msg.removesuffix(" at")
    return message[:1].lower() + message[1:]


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"
