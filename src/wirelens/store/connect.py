"""Opening the DuckDB file, waiting politely for the lock.

DuckDB lets one process hold a database file for writing, and then refuses
every other process, readers included (measured with duckdb 2.0.1: a
``read_only=True`` connect fails with "Could not set lock on file" while a
read-write connection is open elsewhere, and a writer is refused while any
reader is open).  So both sides keep their connections short, and whoever finds
the file locked retries with a jittered back-off until ``timeout``.  The ingest
holds the lock only while it writes one batch (tens of milliseconds), and
queries hold it only while they run.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import duckdb

from wirelens.errors import WirelensError

__all__ = ["DEFAULT_LOCK_TIMEOUT", "Config", "StoreBusy", "StoreError", "connect"]

#: DuckDB configuration options, as ``duckdb.connect`` takes them.
Config = dict[str, str | bool | int | float | list[str]]

#: Seconds a writer or reader waits for the file before giving up.  A minute
#: covers any one ingest batch and any ordinary query.
DEFAULT_LOCK_TIMEOUT = 60.0

# First and largest pause between attempts; the jitter keeps two waiting
# processes from retrying in lockstep.
_FIRST_PAUSE = 0.01
_MAX_PAUSE = 0.25


class StoreError(WirelensError):
    """The store cannot be opened or used: a missing file, a newer schema, bad SQL."""


class StoreBusy(StoreError):
    """Another process held the database file for longer than the timeout."""


def _is_lock_conflict(err: duckdb.Error) -> bool:
    return "lock" in str(err).lower()


def connect(
    path: str | Path, *, read_only: bool, timeout: float = DEFAULT_LOCK_TIMEOUT,
    config: Config | None = None,
) -> duckdb.DuckDBPyConnection:
    """A connection to ``path``, retrying while another process holds the lock."""
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such database (run 'wirelens ingest' first)")
    deadline = time.monotonic() + timeout
    pause = _FIRST_PAUSE
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config or {})
        except duckdb.Error as err:
            if not (isinstance(err, duckdb.IOException) and _is_lock_conflict(err)):
                raise StoreError(f"{path}: cannot open ({err})") from err
            if time.monotonic() + pause > deadline:
                raise StoreBusy(
                    f"{path}: still locked by another process after {timeout:g} s"
                ) from err
        time.sleep(pause * random.uniform(0.5, 1.5))
        pause = min(pause * 2, _MAX_PAUSE)
