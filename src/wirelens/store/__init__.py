"""The corpus store: DuckDB tables, one write path, read-only queries, exports.

* :class:`Store` (``writer``): the only code that writes; each document inside one
  transaction (a chunk of them per transaction).
* :class:`Reader`, :func:`query` (``queries``): read-only connections and the corpus summaries.
* :func:`export` (``export``): Parquet, CSV, JSON Lines, GeoJSON; events under ACLED's names.
* ``schema``: the versioned migrations; ``docs/schema.md`` describes the tables.

Nothing is imported from DuckDB until one of these is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wirelens.store.connect import StoreBusy, StoreError
    from wirelens.store.export import export
    from wirelens.store.queries import Reader, Table, query
    from wirelens.store.writer import Store

__all__ = ["Reader", "Store", "StoreBusy", "StoreError", "Table", "export", "query"]

_HOMES = {
    "Reader": "queries", "Table": "queries", "query": "queries", "Store": "writer",
    "StoreBusy": "connect", "StoreError": "connect", "export": "export",
}


def __getattr__(name: str) -> Any:
    # Lazy, so `import wirelens.store` costs nothing until the store is used.
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(f"wirelens.store.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'wirelens.store' has no attribute {name!r}")
