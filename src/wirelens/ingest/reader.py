"""Paths in, articles and failures out: the walk over files, stdin and directories."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal

from wirelens.errors import Code, InputError
from wirelens.ingest.decode import decode_bytes, normalise, read_file, read_stream
from wirelens.ingest.fields import Fields, build_article
from wirelens.ingest.html import decode_html, parse_html
from wirelens.ingest.records import looks_like_jsonl, read_json, read_jsonl
from wirelens.ingest.text import parse_text
from wirelens.model import Article, Failure

Kind = Literal["text", "html", "json", "jsonl"]

#: How each extension is read when a directory is walked; other files there are
#: skipped.  A file named explicitly with another extension is read as text.
KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".md": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Options:
    max_chars: int
    default_language: str | None


def read_inputs(
    paths: Iterable[str | Path],
    *,
    max_chars: int = 1_000_000,
    default_language: str | None = None,
) -> Iterator[Article | Failure]:
    """Read every input, yielding an :class:`Article` or a :class:`Failure` per document.

    ``paths`` are files, directories (walked recursively in sorted order, hidden
    entries skipped, only known extensions read) or ``-`` for stdin (text, or
    JSONL when every non-blank line is a JSON object).  ``default_language`` is
    taken for documents that do not state a language, instead of detecting one.
    A bad document never stops the run: it becomes a Failure and reading goes on.
    """
    options = Options(max_chars=max_chars, default_language=default_language)
    if isinstance(paths, str | Path):
        # One path passed bare: iterating a str would read it letter by letter.
        paths = [paths]
    for given in paths:
        source = str(given)
        if source == STDIN:
            yield from _read_stdin(options)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _read_directory(path, options)
        elif path.exists():
            yield from _read_path(path, source, KINDS.get(path.suffix.lower(), "text"), options)
        else:
            yield Failure(source, Code.NOT_FOUND.value, "no such file or directory")


def read_text(
    data: str,
    *,
    source: str,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
) -> Article:
    """Build an :class:`Article` from an in-memory string, read as a plain-text file is.

    Front matter and the headline rule apply; the keyword arguments win over
    both.  No length limit is applied.  Raises :class:`InputError` (EMPTY).
    """
    parsed = parse_text(normalise(data))
    given = Fields(title=title, url=url, outlet=outlet, published=published, language=language)
    return build_article(parsed.text, source=source, found=given.over(parsed.found), max_chars=None)


def _read_stdin(options: Options) -> Iterator[Article | Failure]:
    if sys.stdin is None:
        # pythonw, or a service started without a console: there is nothing to read.
        yield Failure(STDIN, Code.NOT_FOUND.value, "no standard input to read")
        return
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is not None:
            data = read_stream(stream, source=STDIN, max_chars=options.max_chars)
        else:
            # A text-only stdin (replaced by an embedding program): re-encode it.
            data = sys.stdin.read().encode("utf-8", "surrogatepass")
        decoded = decode_bytes(data, source=STDIN)
    except InputError as err:
        yield _failure(err)
        return
    if looks_like_jsonl(decoded.text):
        build = partial(_build_record, options=options, warnings=decoded.warnings)
        yield from read_jsonl(decoded.text, source=STDIN, build=build)
    else:
        yield _from_text(decoded.text, STDIN, decoded.warnings, options)


def _read_directory(root: Path, options: Options) -> Iterator[Article | Failure]:
    found: list[tuple[tuple[str, ...], Path, Kind]] = []
    for directory, subdirectories, files in os.walk(root):
        # Hidden directories (.git, .cache) are never article collections.
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        for name in files:
            kind = KINDS.get(os.path.splitext(name)[1].lower())
            if kind is None or name.startswith("."):
                continue
            path = Path(directory, name)
            found.append((path.relative_to(root).parts, path, kind))
    if not found:
        known = " ".join(sorted(KINDS))
        yield Failure(str(root), Code.EMPTY.value, f"directory has no files of type {known}")
        return
    for _, path, kind in sorted(found):
        yield from _read_path(path, str(path), kind, options)


def _read_path(
    path: Path, source: str, kind: Kind, options: Options
) -> Iterator[Article | Failure]:
    try:
        data = read_file(path, source=source, max_chars=options.max_chars)
        if kind == "html":
            decoded = decode_html(data, source=source)
            text, found = _parse_html(decoded.text, source=source)
            yield build_article(
                text,
                source=source,
                found=found,
                warnings=decoded.warnings,
                max_chars=options.max_chars,
                default_language=options.default_language,
            )
            return
        decoded = decode_bytes(data, source=source)
    except InputError as err:
        yield _failure(err)
        return
    if kind == "text":
        yield _from_text(decoded.text, source, decoded.warnings, options)
        return
    build = partial(_build_record, options=options, warnings=decoded.warnings)
    reader = read_json if kind == "json" else read_jsonl
    yield from reader(decoded.text, source=source, build=build)


def _parse_html(markup: str, *, source: str) -> tuple[str, Fields]:
    try:
        return parse_html(markup, source=source)
    except (ValueError, TypeError, RecursionError) as err:
        # trafilatura handles most broken markup itself; these are what lxml can
        # still raise on pathological input (deep nesting, odd encodings).
        raise InputError(
            source, f"cannot parse HTML ({type(err).__name__}: {err})", code=Code.HTML
        ) from None


def _from_text(
    raw: str, source: str, warnings: tuple[str, ...], options: Options
) -> Article | Failure:
    parsed = parse_text(normalise(raw))
    try:
        return build_article(
            parsed.text,
            source=source,
            found=parsed.found,
            warnings=warnings,
            max_chars=options.max_chars,
            default_language=options.default_language,
        )
    except InputError as err:
        return _failure(err)


def _build_record(
    text: str, source: str, found: Fields, *, options: Options, warnings: tuple[str, ...]
) -> Article:
    return build_article(
        text,
        source=source,
        found=found,
        warnings=warnings,
        max_chars=options.max_chars,
        default_language=options.default_language,
    )


def _failure(err: InputError) -> Failure:
    return Failure(err.source, err.code.value, err.problem)
