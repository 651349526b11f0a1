"""Renderers for one analysis record: text for the terminal, JSON/JSONL, Markdown.

>>> from wirelens.report import render
>>> render(analysis, "md")  # doctest: +SKIP

JSON and JSONL carry exactly :func:`wirelens.report.serialize.to_dict`, the record
that ``wirelens/schema/analysis.schema.json`` describes.
"""

from __future__ import annotations

import json
from typing import Literal, get_args

from wirelens.model import Analysis
from wirelens.report.markdown import render_markdown
from wirelens.report.serialize import failure_to_dict, to_dict
from wirelens.report.text import render_text

__all__ = [
    "FORMATS",
    "Format",
    "failure_to_dict",
    "render",
    "render_markdown",
    "render_text",
    "to_dict",
]

Format = Literal["text", "json", "jsonl", "md"]
FORMATS: tuple[Format, ...] = get_args(Format)

# Valid inside JSON strings, but Python's str.splitlines() and JavaScript treat them
# as line ends; escaped, a JSONL record can never be split across two "lines".
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def render(analysis: Analysis, fmt: Format, *, color: bool = False) -> str:
    """Render ``analysis`` in one of :data:`FORMATS`, without a trailing newline.

    ``json`` is indented for people; ``jsonl`` is one compact line for pipes and
    files of many records.  Both keep non-ASCII text as it is and refuse NaN and
    infinities, which are not JSON.  ``color`` only affects ``text``.
    """
    if fmt == "text":
        return render_text(analysis, color=color)
    if fmt == "md":
        return render_markdown(analysis)
    if fmt == "json":
        return json.dumps(to_dict(analysis), ensure_ascii=False, indent=2, allow_nan=False)
    if fmt == "jsonl":
        line = json.dumps(
            to_dict(analysis), ensure_ascii=False, separators=(",", ":"), allow_nan=False
        )
        return line.translate(_LINE_BREAKS)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
