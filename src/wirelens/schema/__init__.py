"""The JSON Schema of one analysis record, and a validator for it.

The schema file (``analysis.schema.json``, draft 2020-12) is the contract that
other tools read; :func:`wirelens.report.serialize.to_dict` is its one producer.
Validation needs ``jsonschema``, a dev dependency, so it is imported only when
:func:`validate` is called.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["SCHEMA_FILE", "SCHEMA_VERSION", "load_schema", "validate"]

SCHEMA_VERSION = "1"
SCHEMA_FILE = "analysis.schema.json"


@cache
def _schema_text() -> str:
    # Read through importlib.resources so the schema is found in wheels and zips too.
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    """Return the analysis schema as a fresh dict (callers may change their copy)."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


@cache
def _validator() -> Any:
    try:
        # import_module rather than an import statement: jsonschema ships no type
        # information, and this keeps it an optional, lazily loaded dependency.
        jsonschema = importlib.import_module("jsonschema")
    except ImportError as exc:
        raise ImportError(
            "wirelens.schema.validate() needs the 'jsonschema' package, a development "
            "dependency: install it with  pip install 'wirelens[dev]'"
        ) from exc
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def validate(record: dict[str, Any]) -> list[str]:
    """Check ``record`` against the schema; return one message per problem, [] when valid.

    Each message starts with a JSON pointer to the offending value (``/quotes/0/kind``),
    or ``/`` for the record itself.
    """
    errors = _validator().iter_errors(record)
    return sorted(f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)
