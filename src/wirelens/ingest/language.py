"""Language identification with py3langid, whose model ships inside the package."""

from __future__ import annotations

from functools import cache
from typing import Any

#: How much of the text the detector reads: the opening says enough (1,000
#: characters is several sentences; langid is built for tweets), and the
#: cost grows with length.
SAMPLE_CHARS = 1_000
#: Below this many letters a guess is noise ("Kyiv, Ukraine" scores as Crimean
#: Tatar), so short texts are taken to be English without comment.
MIN_LETTERS = 40
#: Below this (normalised) confidence the detector is not believed either.
#: A judgement call from hand-written samples, not tuned on a corpus.
MIN_CONFIDENCE = 0.5

ENGLISH = "en"


@cache
def _identifier() -> Any:
    # Loaded on first use (about 0.7 s) and kept: import wirelens must stay cheap.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, str | None]:
    """Return ``(code, warning)``: the ISO 639-1 code and a warning for non-English text."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for char in sample if char.isalpha()) < MIN_LETTERS:
        return ENGLISH, None
    code, confidence = _identifier().classify(sample)
    code = str(code)
    confidence = float(confidence)
    if code == ENGLISH:
        return ENGLISH, None
    if confidence < MIN_CONFIDENCE:
        return ENGLISH, (
            f"language unclear (best guess {code!r}, confidence {confidence:.2f}); "
            "analysed as English"
        )
    return code, (
        f"language detected as {code!r} (confidence {confidence:.2f}); "
        "the English pipeline will not analyse it"
    )


def normalise_language(value: str) -> str | None:
    """``"EN-us"`` → ``"en"``: the primary subtag, lower-cased; None if not a code.

    ISO 639 codes are two or three letters; anything else ("English") is not
    trusted, so the caller detects the language instead.
    """
    primary = value.strip().replace("_", "-").split("-", 1)[0].lower()
    if primary.isascii() and primary.isalpha() and 2 <= len(primary) <= 3:
        return primary
    return None
