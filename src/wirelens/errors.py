"""One catalogue of the errors wirelens reports.

Each error has a stable ``code`` (stored in the ``failures`` table and shown in
batch summaries) and a one-line message that names the input and the problem.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    NOT_FOUND = "not-found"
    EMPTY = "empty"
    BINARY = "binary"
    TOO_LARGE = "too-large"
    ENCODING = "encoding"
    HTML = "html"
    JSON = "json"
    RECORD = "record"
    UNSUPPORTED = "unsupported"
    ANALYSIS = "analysis"


class WirelensError(Exception):
    """Base class: every error wirelens raises on purpose."""

    code: Code = Code.ANALYSIS

    def __init__(self, message: str, *, code: Code | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class InputError(WirelensError):
    """A document could not be read: ``source`` names it, ``problem`` says why."""

    def __init__(self, source: str, problem: str, *, code: Code) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}", code=code)


class ConfigError(WirelensError):
    """Wrong options or a missing resource (model, gazetteer)."""
