"""The gazetteer: place names → GeoNames entries, offline.

``Gazetteer.load()`` opens (building on first use) one SQLite index made from
installed packages; see :mod:`wirelens.geo.gazetteer` for the ranking,
:mod:`wirelens.geo.names` for the name keys and :mod:`wirelens.geo.build`
(``build_gazetteer``, ``python -m wirelens.geo.build``) for the build.
"""

from wirelens.geo.gazetteer import Gazetteer, GeoEntry, Match, default_path
from wirelens.geo.names import fold, plain_key
from wirelens.geo.version import DATA_VERSION

__all__ = [
    "DATA_VERSION",
    "Gazetteer",
    "GeoEntry",
    "Match",
    "default_path",
    "fold",
    "plain_key",
]
