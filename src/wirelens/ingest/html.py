"""HTML pages: trafilatura finds the article body and the metadata."""

from __future__ import annotations

import re
from typing import Any

from wirelens.errors import Code, InputError
from wirelens.ingest.decode import Decoded, decode_bytes, normalise
from wirelens.ingest.fields import Fields

#: Extracted text with fewer words than this is page furniture or debris, not an
#: article ("<p>unclosed" yields one word); a real brief has a full sentence.
MIN_WORDS = 5
#: Where a charset declaration may appear: the HTML standard has browsers look
#: at the first 1024 bytes; a little slack covers long <head> preambles.
CHARSET_SNIFF_BYTES = 2048

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
# lxml refuses str input that still carries an encoding declaration, and the
# text is already decoded, so the declaration goes.
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_TAG = re.compile(r"<[^>]*>")


def decode_html(data: bytes, *, source: str) -> Decoded:
    """Decode a page, honouring a BOM first and then a declared charset."""
    head = data[:CHARSET_SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    declared = match.group(1).decode("ascii") if match else None
    return decode_bytes(data, source=source, declared=declared)


def parse_html(markup: str, *, source: str) -> tuple[str, Fields]:
    """Return ``(text, metadata)`` for a decoded page.

    The text is the article body, paragraphs separated by blank lines, with the
    title as its first paragraph when the body does not already open with it,
    so that the headline is analysed as it is for plain text.

    Raises :class:`InputError` (HTML) when no article text is found.
    """
    # Imported here: trafilatura pulls in lxml and htmldate, a slow import that
    # text-only runs should not pay.
    import trafilatura

    markup = _XML_DECLARATION.sub("", markup, count=1)
    document: Any = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    body = (getattr(document, "text", None) or "") if document is not None else ""
    paragraphs = [line.strip() for line in normalise(body).split("\n") if line.strip()]
    words = sum(len(paragraph.split()) for paragraph in paragraphs)
    if words < MIN_WORDS:
        raise InputError(
            source, f"no article text found in HTML ({_why(markup, words)})", code=Code.HTML
        )
    title = _clean(getattr(document, "title", None))
    if title is not None and not paragraphs[0].startswith(title):
        paragraphs.insert(0, title)
    found = Fields(
        title=title,
        url=_clean(getattr(document, "url", None)),
        outlet=_clean(getattr(document, "sitename", None)),
        published=_clean(getattr(document, "date", None)),
        author=_clean(getattr(document, "author", None)),
    )
    return "\n\n".join(paragraphs), found


def _why(markup: str, words: int) -> str:
    visible = len(_TAG.sub(" ", markup).split())
    if words:
        return f"the extractor kept {words} word(s) of {visible} outside tags"
    if visible:
        return f"the extractor kept nothing of {visible} word(s) outside tags"
    return "the page has no text outside tags"


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(normalise(value).split())
    return value or None
