"""``published`` normalisation: ISO 8601 as given, anything else parsed to ISO."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

# dateparser's options.  PARSERS leaves out "relative-time": "yesterday" in a
# record would otherwise become a date relative to the day of ingest, not of
# publication, which is worse than no date.
_SETTINGS: dict[str, Any] = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
}

#: Longer strings are not dates (a misplaced field, a paragraph): not parsed, and
#: quoted only this far in the warning.
MAX_DATE_CHARS = 80

# A clock time in the string ("14:05", "2 pm"): only then is a time of day kept.
_TIME = re.compile(r"\d{1,2}:\d{2}|\d\s*[ap]\.?m\b", re.IGNORECASE)


def normalise_published(value: str | None) -> tuple[str | None, str | None]:
    """Return ``(iso, warning)``: the ISO form of ``value`` or None with a warning."""
    if value is None:
        return None, None
    value = value.strip()
    if not value:
        return None, None
    if _is_iso(value):
        return value, None
    unread = (None, f"published date {_shorten(value)!r} not understood; left empty")
    if len(value) > MAX_DATE_CHARS:
        return unread
    # Imported here: dateparser is slow to import and most inputs carry ISO dates.
    import dateparser

    try:
        parsed = dateparser.parse(value, settings=_SETTINGS)
    except (ValueError, OverflowError):
        # Out-of-range timestamps and the like; a date that cannot be, not a crash.
        return unread
    if parsed is None:
        return unread
    if _TIME.search(value):
        return parsed.isoformat(timespec="seconds"), None
    return parsed.date().isoformat(), None


def _is_iso(value: str) -> bool:
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value)
    except ValueError:
        return False
    # fromisoformat also takes compact forms ("20240305"); those are kept as
    # given too, since they are ISO 8601 (basic format).
    return True


def _shorten(value: str) -> str:
    if len(value) <= MAX_DATE_CHARS:
        return value
    return value[: MAX_DATE_CHARS - 1] + "…"
