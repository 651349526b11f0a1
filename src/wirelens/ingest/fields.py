"""Metadata as the readers find it, and the one place an :class:`Article` is made."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

from wirelens.ingest.dates import normalise_published
from wirelens.ingest.decode import check_text
from wirelens.ingest.language import detect_language, normalise_language
from wirelens.model import Article

#: Length of an article id in hex digits (64 bits: collisions are not a concern
#: at the scale of a news archive).
ID_HEX_DIGITS = 16


@dataclass(frozen=True, slots=True)
class Fields:
    """Optional metadata found by a reader (front matter, record fields, HTML meta)."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    author: str | None = None

    @classmethod
    def names(cls) -> frozenset[str]:
        return frozenset(f.name for f in fields(cls))

    def over(self, base: Fields) -> Fields:
        """These fields where set, ``base`` elsewhere."""
        updates = {
            name: getattr(self, name) for name in self.names() if getattr(self, name) is not None
        }
        return replace(base, **updates)


def article_id(text: str, title: str | None, url: str | None) -> str:
    """Content hash of an article: the same text, title and URL give the same id.

    The serialisation is JSON with sorted keys and no whitespace, so it does not
    depend on dict order or Python version; None and "" stay distinct.
    """
    payload = json.dumps(
        {"text": text, "title": title, "url": url},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS]


def build_article(
    text: str,
    *,
    source: str,
    found: Fields,
    warnings: Iterable[str] = (),
    max_chars: int | None,
    default_language: str | None = None,
) -> Article:
    """Check ``text`` (already normalised) and complete the metadata.

    Raises :class:`~wirelens.errors.InputError` (EMPTY, TOO_LARGE).
    """
    check_text(text, source=source, max_chars=max_chars)
    notes = list(warnings)
    published, note = normalise_published(found.published)
    if note is not None:
        notes.append(note)
    language = normalise_language(found.language) if found.language else None
    if found.language and language is None:
        notes.append(f"language {found.language!r} is not an ISO 639 code; ignored")
    if language is None and default_language is not None:
        language = normalise_language(default_language)
    if language is None:
        language, note = detect_language(text)
        if note is not None:
            notes.append(note)
    return Article(
        id=article_id(text, found.title, found.url),
        text=text,
        title=found.title,
        url=found.url,
        outlet=found.outlet,
        published=published,
        language=language,
        author=found.author,
        source=source,
        warnings=tuple(notes),
    )
