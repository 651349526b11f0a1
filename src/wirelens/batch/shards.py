"""Parquet shards: one chunk's analyses as one file, written by a worker, read by the parent.

A shard has one row per article of the chunk, in chunk order (``seq``): either
a ``failure`` or the whole :class:`~wirelens.model.Analysis` as nested columns
(``article`` a STRUCT, ``entities`` a LIST of STRUCTs with their mentions
inside, and so on), so one file holds one chunk and a row is one document.
DuckDB writes and reads them; nothing else is needed (no pyarrow).

The column types are derived from the dataclasses in :mod:`wirelens.model`,
so a field added there travels through shards without a change here; a shard
is read back into the same objects, which then go through the store's single
write path (:meth:`wirelens.store.Store.write`).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

import duckdb

from wirelens import model
from wirelens.model import Analysis, Failure

__all__ = ["read_shard", "shard_schema", "write_shard"]

_SCALARS: dict[type, str] = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}


def _hints(cls: type) -> dict[str, Any]:
    # The model uses `from __future__ import annotations`: resolve the strings.
    return typing.get_type_hints(cls, vars(model))


def _inner(hint: Any) -> Any:
    """``X | None`` -> X (every DuckDB column is nullable anyway)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"cannot store a union of several types in a shard: {hint}")
        return args[0]
    return hint


def _duck_type(hint: Any) -> str:
    hint = _inner(hint)
    origin = typing.get_origin(hint)
    if origin is Literal:
        return "VARCHAR"
    if origin is tuple:
        return f"{_duck_type(typing.get_args(hint)[0])}[]"
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        fields = ", ".join(
            f'"{name}" {_duck_type(h)}' for name, h in _hints(hint).items()
        )
        return f"STRUCT({fields})"
    if hint in _SCALARS:
        return _SCALARS[hint]
    raise TypeError(f"no shard column type for {hint!r}")


@cache
def shard_schema() -> dict[str, str]:
    """Column name to DuckDB type: ``seq``, ``article_id``, ``failure``, the fields of Analysis."""
    columns = {"seq": "INTEGER", "article_id": "VARCHAR", "failure": _duck_type(Failure)}
    columns.update({name: _duck_type(h) for name, h in _hints(Analysis).items()})
    return columns


def _to_value(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_value(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [_to_value(v) for v in value]
    return value


def _from_value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    hint = _inner(hint)
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_from_value(item, v) for v in value)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return hint(**{name: _from_value(h, value[name]) for name, h in _hints(hint).items()})
    return value


def write_shard(
    path: str | Path, items: Sequence[Analysis | Failure], *, ids: Sequence[str | None] = ()
) -> None:
    """Write one chunk's results to the Parquet file ``path`` (replacing it).

    ``ids`` are the chunk's article ids, kept beside failures too, so a failed
    analysis can be traced to its article.
    """
    schema = shard_schema()
    names = list(schema)
    columns: dict[str, list[Any]] = {name: [] for name in names}
    for seq, item in enumerate(items):
        columns["seq"].append(seq)
        given = ids[seq] if seq < len(ids) else None
        columns["article_id"].append(item.article.id if isinstance(item, Analysis) else given)
        columns["failure"].append(_to_value(item) if isinstance(item, Failure) else None)
        for name in names[3:]:
            columns[name].append(
                None if isinstance(item, Failure) else _to_value(getattr(item, name))
            )
    con = duckdb.connect()
    try:
        con.execute(
            "CREATE TABLE shard (" + ", ".join(f'"{n}" {t}' for n, t in schema.items()) + ")"
        )
        if items:
            # One INSERT of whole columns, as in the store's writer: unnest over typed lists.
            select = ", ".join(f"unnest(?::{schema[n]}[])" for n in names)
            con.execute(f"INSERT INTO shard SELECT {select}", [columns[n] for n in names])
        # Written beside, then renamed: a reader never sees half a shard.
        partial = Path(f"{path}.partial")
        con.execute(f"COPY shard TO '{_sql_path(partial)}' (FORMAT parquet, COMPRESSION zstd)")
        partial.replace(path)
    finally:
        con.close()


def read_shard(path: str | Path) -> list[Analysis | Failure]:
    """The results a shard holds, in chunk order."""
    hints = _hints(Analysis)
    con = duckdb.connect()
    try:
        cursor = con.execute(f"SELECT * FROM read_parquet('{_sql_path(Path(path))}') ORDER BY seq")
        names = [d[0] for d in cursor.description or ()]
        rows = cursor.fetchall()
    finally:
        con.close()
    items: list[Analysis | Failure] = []
    for row in rows:
        record = dict(zip(names, row, strict=True))
        if record["failure"] is not None:
            items.append(_from_value(Failure, record["failure"]))
        else:
            items.append(Analysis(**{n: _from_value(h, record[n]) for n, h in hints.items()}))
    return items


def _sql_path(path: Path) -> str:
    # COPY and read_parquet take a literal, not a parameter: double any quote.
    return str(path).replace("'", "''")
