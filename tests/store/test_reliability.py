"""A corpus in which 5% of the files are bad still ingests the rest, and says why each failed."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest

from tests.store.conftest import make_corpus
from tests.store.fakes import fake_pipeline
from wirelens.store.commands import EXIT_PARTIAL, ingest_command
from wirelens.store.queries import Reader

#: The bad files, by the failure code each must get.
BAD = {
    "binary.txt": "binary",
    "empty.txt": "empty",
    "records.jsonl:3": "json",
    "garbled.txt": "encoding",
    "huge.txt": "too-large",
}


def write_bad_files(root: Path) -> None:
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    (root / "empty.txt").write_bytes(b"")
    records = [{"title": f"Brief {i}", "outlet": "Black Sea Bulletin",
                "text": f"Brief {i}: the port of Odesa reopened its grain terminal."}
               for i in range(3)]
    lines = [json.dumps(r) for r in records]
    # The last record is cut off mid-string, as by a full disk or a killed writer.
    (root / "records.jsonl").write_text("\n".join(lines)[:-25], encoding="utf-8")
    # High bytes at random: not UTF-8, and no single-byte codec makes text of them.
    rng = random.Random(6)
    (root / "garbled.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4000)))
    # 50 MB: over the byte limit for a million characters, refused before it is read.
    with (root / "huge.txt").open("wb") as handle:
        line = b"Reports of shelling continued through the night near the river crossing.\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)


def test_five_percent_bad_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "corpus"
    good = make_corpus(root, copies=5, limit=19)
    write_bad_files(root)
    files = len(good) + 5
    assert len(good) == 95 and 5 / files == 0.05
    # The stand-in pipeline in place of spaCy: this test is about reading and storing.
    monkeypatch.setattr("wirelens.batch.build_pipeline", fake_pipeline)
    db = tmp_path / "corpus.duckdb"
    err = io.StringIO()
    code = ingest_command([str(root)], db=str(db), workers=1, progress=False, err=err)
    assert code == EXIT_PARTIAL
    summary = err.getvalue()
    # 95 good files and the 2 whole records of the cut JSONL file.
    assert "read 97, analysed 97" in summary and "failed 5" in summary
    with Reader.open(db) as r:
        rows = r.failures().rows
        stored = r.query("SELECT count(*) FROM articles").rows[0][0]
    assert stored == 97
    got = {Path(source).name: code for source, code, _, _ in rows}
    assert got == BAD
    for source, _, message, _ in rows:
        # Each failure is in the summary with its reason.
        assert message and f"{source}: {message}" in summary
