"""Events: ACLED-coded events with actors, location, date and fatalities.

Importing this package registers the ``events`` component (see ``extract.py``).
"""

from __future__ import annotations

from wirelens.pipeline.events.extract import EventExtractor

__all__ = ["EventExtractor"]
