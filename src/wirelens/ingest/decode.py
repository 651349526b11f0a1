"""Bytes to text: size limits, binary sniffing, encodings and newline normalisation.

Every offset wirelens reports indexes ``Article.text``, so the text must be
settled here once and never touched again: after :func:`normalise` the only
changes made to what the author wrote are the line breaks (CRLF, CR, U+2028,
U+2029 become LF) and the removal of NUL characters.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from wirelens.errors import Code, InputError

#: How far into a file binary sniffing looks.
SNIFF_BYTES = 8 * 1024
#: Share of control bytes in the sniffed head above which a file is binary.  Text
#: files have next to none; a few form feeds or ANSI escapes must not trip it.
#: A judgement call, not tuned on a corpus.
MAX_CONTROL_SHARE = 0.10
#: Bytes allowed per character: a file over ``BYTES_PER_CHAR * max_chars`` bytes
#: cannot decode to an acceptable text (UTF-8 needs at most 4 bytes a character),
#: so it is rejected from its size alone, before it is read.
BYTES_PER_CHAR = 4

# Byte-order marks, longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# File signatures worth naming in a message: "binary file (PNG image)" tells the
# user more than a byte count.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
)

# C0 controls other than the whitespace ones (TAB, LF, VT, FF, CR), plus DEL.
_CONTROL_BYTES = (frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D}) | {0x7F}

_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, not yet normalised."""

    text: str
    encoding: str  # Python codec name, e.g. "utf-8", "cp1251"
    warnings: tuple[str, ...] = ()


def byte_limit(max_chars: int) -> int:
    return BYTES_PER_CHAR * max_chars


def megabytes(n_bytes: int) -> str:
    return f"{n_bytes / 1_000_000:.1f} MB"


def too_large(source: str, size: int, max_chars: int) -> InputError:
    limit = byte_limit(max_chars)
    return InputError(
        source,
        f"file is {megabytes(size)}, over the {megabytes(limit)} limit "
        f"({BYTES_PER_CHAR} bytes x max_chars={max_chars:,})",
        code=Code.TOO_LARGE,
    )


def read_file(path: Path, *, source: str, max_chars: int) -> bytes:
    """Read a file, refusing one too large to be worth reading before reading it.

    Raises :class:`InputError` (NOT_FOUND, TOO_LARGE).
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(source, "no such file or directory", code=Code.NOT_FOUND) from None
    except OSError as err:
        raise InputError(source, f"cannot read: {err.strerror}", code=Code.NOT_FOUND) from None
    if size > byte_limit(max_chars):
        raise too_large(source, size, max_chars)
    try:
        with path.open("rb") as handle:
            return read_stream(handle, source=source, max_chars=max_chars)
    except OSError as err:
        raise InputError(source, f"cannot read: {err.strerror}", code=Code.NOT_FOUND) from None


def read_stream(handle: BinaryIO, *, source: str, max_chars: int) -> bytes:
    """Read at most the byte limit from a stream; a longer stream is TOO_LARGE.

    The size on disk can lie (a file still being written, a pipe), so the read
    itself is bounded too.
    """
    limit = byte_limit(max_chars)
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            source,
            f"input is over the {megabytes(limit)} limit "
            f"({BYTES_PER_CHAR} bytes x max_chars={max_chars:,})",
            code=Code.TOO_LARGE,
        )
    return data


def decode_bytes(data: bytes, *, source: str, declared: str | None = None) -> Decoded:
    """Decode ``data`` to text.

    Order: a byte-order mark decides; then ``declared`` (an HTML ``<meta charset>``)
    if it decodes cleanly; then strict UTF-8; then charset-normalizer's best guess,
    which earns a warning because it is a guess.

    Raises :class:`InputError` (EMPTY, BINARY, ENCODING).
    """
    if not data.strip():
        raise InputError(source, "empty file", code=Code.EMPTY)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data[len(bom) :], encoding, source=source)
    _refuse_binary(data, source=source)
    if declared is not None:
        for encoding in _declared_candidates(declared):
            try:
                return Decoded(data.decode(encoding), codecs.lookup(encoding).name)
            except UnicodeDecodeError:
                continue
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        position = err.start
    return _guess(data, position=position, source=source)


def normalise(text: str) -> str:
    """Line breaks to LF and NULs removed; nothing else changes."""
    return _LINE_BREAKS.sub("\n", text.replace("\x00", ""))


def check_text(text: str, *, source: str, max_chars: int | None) -> None:
    """Refuse normalised text that is blank or too long (EMPTY, TOO_LARGE)."""
    if not text.strip():
        raise InputError(source, "no text (empty or whitespace only)", code=Code.EMPTY)
    if max_chars is not None and len(text) > max_chars:
        raise InputError(
            source,
            f"text is {len(text):,} characters, over the limit of max_chars={max_chars:,}",
            code=Code.TOO_LARGE,
        )


def _decode_with_bom(body: bytes, encoding: str, *, source: str) -> Decoded:
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            source,
            f"invalid {encoding.upper()} at byte {err.start} after a {encoding.upper()} "
            "byte-order mark",
            code=Code.ENCODING,
        ) from None
    if not text.strip():
        raise InputError(source, "empty file", code=Code.EMPTY)
    # The mark declares the encoding outright: nothing was guessed, so no warning.
    return Decoded(text, codecs.lookup(encoding).name)


def _refuse_binary(data: bytes, *, source: str) -> None:
    head = data[:SNIFF_BYTES]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise InputError(source, f"binary file ({kind}), not text", code=Code.BINARY)
    if b"\x00" in head:
        raise InputError(
            source, "binary file (NUL bytes in the first 8 KiB), not text", code=Code.BINARY
        )
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    if controls > MAX_CONTROL_SHARE * len(head):
        share = controls / len(head)
        raise InputError(
            source,
            f"binary file ({share:.0%} control characters in the first 8 KiB), not text",
            code=Code.BINARY,
        )


def _declared_candidates(declared: str) -> list[str]:
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return []
    if name == "utf-8":
        # Declared UTF-8 is the default path anyway, with the guess as fallback.
        return []
    # Browsers read pages labelled Latin-1 or ASCII as windows-1252 (WHATWG
    # Encoding Standard); do the same, and fall back to the label if cp1252 fails.
    if name in {"iso8859-1", "ascii"}:
        return ["cp1252", name]
    return [name]


def _guess(data: bytes, *, position: int, source: str) -> Decoded:
    # Imported here: charset-normalizer is only needed for the rare non-UTF-8 input.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            source,
            f"invalid UTF-8 at byte {position} and no other encoding fits",
            code=Code.ENCODING,
        )
    encoding = codecs.lookup(best.encoding).name
    return Decoded(str(best), encoding, warnings=(f"decoded as {encoding}",))
