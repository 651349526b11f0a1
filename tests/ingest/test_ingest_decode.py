"""Decoding: BOMs, encodings, binary and size checks, newline normalisation."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from wirelens.errors import Code
from wirelens.ingest import read_inputs
from wirelens.model import Article, Failure

ENGLISH = (
    "The regional governor said two people were wounded when shelling hit a market "
    "in the town centre on Monday morning."
)
RUSSIAN = (
    "Губернатор области сообщил, что в результате ночного обстрела пострадали два "
    "человека, а в нескольких домах выбиты окна."
)


def read_one(path: Path, *, max_chars: int = 1_000_000) -> Article | Failure:
    items = list(read_inputs([path], max_chars=max_chars))
    assert len(items) == 1, items
    return items[0]


def article(path: Path, *, max_chars: int = 1_000_000) -> Article:
    item = read_one(path, max_chars=max_chars)
    assert isinstance(item, Article), item
    return item


def failure(path: Path, code: Code, *, max_chars: int = 1_000_000) -> Failure:
    item = read_one(path, max_chars=max_chars)
    assert isinstance(item, Failure), item
    assert item.code == code.value
    # One line that names the file and the problem.
    assert str(item).startswith(f"{path}: ")
    assert "\n" not in str(item)
    return item


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(ENGLISH.encode("utf-8-sig"))
    got = article(path)
    assert got.text == ENGLISH
    assert got.warnings == ()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_decoded_by_their_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    data = ENGLISH.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # the -be codec writes no mark of its own
    path.write_bytes(data)
    got = article(path)
    assert got.text == ENGLISH
    assert got.warnings == ()


def test_crlf_and_lone_cr_become_lf_and_offsets_index_the_result(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    data = b"Shelling in Kupiansk\r\n\r\nOfficials said\r\nthe strike hit\ra depot.\r\n"
    path.write_bytes(data)
    got = article(path)
    assert got.text == "Shelling in Kupiansk\n\nOfficials said\nthe strike hit\na depot.\n"
    # Three CRLFs before 'depot' each lose a character; the lone CR keeps its one.
    assert data.index(b"depot") == 57
    assert got.text[54:59] == "depot"


def test_unicode_line_separators_become_lf_and_nul_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "separators.txt"
    # NUL beyond the first 8 KiB is not a binary marker; it is simply dropped.
    filler = "x " * 4200
    path.write_text(f"first\u2028second\u2029third {filler}\x00end", encoding="utf-8")
    got = article(path)
    assert got.text.startswith("first\nsecond\nthird ")
    assert got.text.endswith(" end")
    assert "\x00" not in got.text


def test_curly_quotes_and_spacing_are_kept_exactly(tmp_path: Path) -> None:
    text = "  “We will not leave,” she said.\t It’s  our home.  \n\n"
    path = tmp_path / "quotes.txt"
    path.write_text(text, encoding="utf-8")
    assert article(path).text == text


def test_cp1251_russian_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "russian.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    got = article(path)
    assert got.text == RUSSIAN
    assert "decoded as cp1251" in got.warnings
    assert got.language == "ru"


def test_latin1_french_is_decoded(tmp_path: Path) -> None:
    text = "Le maire a déclaré que l'école du quartier était fermée après l'explosion."
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    got = article(path)
    assert got.text == text
    assert any(warning.startswith("decoded as ") for warning in got.warnings)


def test_bytes_that_fit_no_encoding_are_an_encoding_failure(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(b"Report: " + bytes(range(0x80, 0x100)) * 3)
    got = failure(path, Code.ENCODING)
    assert got.message == "invalid UTF-8 at byte 8 and no other encoding fits"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_and_blank_files_are_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in failure(path, Code.EMPTY).message


def test_utf16_whitespace_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank16.txt"
    path.write_bytes(" \n \n".encode("utf-16"))
    failure(path, Code.EMPTY)


def test_png_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + b"IHDR")
    assert failure(path, Code.BINARY).message == "binary file (PNG image), not text"


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"abc\x00\x00\x00def" * 10)
    assert "NUL" in failure(path, Code.BINARY).message


def test_many_control_characters_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(b"ab\x01\x02\x03\x04cd\x05\x06" * 50)
    assert "control characters" in failure(path, Code.BINARY).message


def test_huge_file_is_rejected_from_its_size_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse where the file system allows

    def no_read(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr("wirelens.ingest.decode.read_stream", no_read)
    started = time.perf_counter()
    got = failure(path, Code.TOO_LARGE)
    assert time.perf_counter() - started < 1.0
    assert "52.4 MB" in got.message
    assert "4.0 MB limit" in got.message


def test_text_over_max_chars_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 100, encoding="utf-8")
    got = failure(path, Code.TOO_LARGE, max_chars=200)
    assert "500 characters" in got.message


def test_file_over_four_bytes_per_char_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "bytes.txt"
    path.write_text("a" * 1000, encoding="utf-8")
    got = failure(path, Code.TOO_LARGE, max_chars=100)
    assert "MB" in got.message
