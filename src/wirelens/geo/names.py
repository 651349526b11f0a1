"""Name keys for the gazetteer: an exact-ish key and a transliteration fold.

Two keys, two tiers of trust:

* :func:`plain_key` ignores only case, diacritics, punctuation and spacing
  ("Kyïv", "KYIV", "Kyiv." → ``"kyiv"``).  A plain-key hit is an *exact* match
  of a GeoNames preferred or alternate name.
* :func:`fold` goes further and erases the differences between the usual
  romanisations of Ukrainian and Russian names (and a few German/Polish ones),
  so "Konstantinovka", "Kostiantynivka", "Kostyantynivka" and "Konstantynivka"
  share one key.  A fold-only hit is a guess, ranked after every exact hit.

GeoNames already lists most variants as alternate names, so the fold is the
second tier: it catches spellings the alternate names miss.  Every rule below
was checked against the big places of the world (see
``tests/geo/test_fold.py::test_fold_does_not_merge_big_places``), because a fold
that merges two real cities is worse than one that misses a variant.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["DEMONYMS", "fold", "is_latin", "plain_key"]

# Letters that NFKD does not decompose into "base + accent".
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "ħ": "h",
    }
)

# Scholarly/Czech-style letters say what they sound like before accents go:
# "Doněck"/"Charkiv" are read better as "ch", "sh", "zh" than as bare c, s, z.
_SCHOLARLY = str.maketrans(
    {"č": "ch", "Č": "Ch", "š": "sh", "Š": "Sh", "ž": "zh", "Ž": "Zh", "ć": "ch", "Ć": "Ch"}
)

# Apostrophes and primes transliterate soft signs ("Donets'k", "Kyivʹ"): drop them
# without leaving a space, so "Donets'k" == "Donetsk".
_SOFT = re.compile(r"['’‘`´ʹʼʻ\"”“]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_ROMAN = re.compile(r"[ivxlcdm]+")
_GLIDE_PAIR = re.compile(r"y[iyj]|i[yj]")
_J_NOT_BEFORE_I = re.compile(r"j(?!i)")

# Token-level equivalences, applied by the fold only.  "St." is the commonest
# abbreviation in place names; "Sankt"/"San"? no: "San Jose" is not "Saint Jose"
# in any gazetteer, so only forms that are really the same word are merged.
_TOKENS = {
    "st": "saint",
    "ste": "sainte",
    "sankt": "saint",
    "mt": "mount",
    "ft": "fort",
}

# Ukrainian and Russian forms of the same given-name stem differ in letters,
# not only in romanisation (Костянтинівка / Константиновка), so a spelling rule
# cannot merge them; this short table does.
_STEMS = (("konstantin", "kostiantin"),)


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def plain_key(name: str) -> str:
    """Lower-case ASCII key: no accents, punctuation or extra spaces."""
    text = _SOFT.sub("", _strip_marks(name).lower())
    return _NON_ALNUM.sub(" ", text).strip()


def _fold_token(tok: str) -> str:
    tok = _TOKENS.get(tok, tok)
    # Numbers and Roman numerals ("Budapest XI") are identifiers, not spellings.
    if tok.isdigit() or _ROMAN.fullmatch(tok):
        return tok
    # German/French spellings of Slavic sounds first, while the digraphs are intact.
    tok = tok.replace("shch", "sh").replace("tsch", "ch").replace("sch", "sh")
    tok = tok.replace("tch", "ch").replace("zhzh", "zh")
    # kh/h: "Kharkiv"/"Harkiv", "Khan Yunis"/"Han Yunis".  No h→g (Horlivka /
    # Gorlovka): it would merge Hama/Gama and Homs/Goms; alternate names cover it.
    tok = tok.replace("kh", "h")
    # ts/tz/German z before k: "Donezk", "Torezk" → "donetsk", "toretsk".
    tok = tok.replace("tz", "ts").replace("zk", "tsk")
    # The -iy/-yi/-yy/-ij/-yj adjective endings and the ї of "Kyiv"/"Mykolayiv"
    # all become one "i"; then y and j (the й/я glide) become "i", so ya/ia/ja
    # → "ia".  A j before i stays: pinyin "ji" is not "yi" (Jizhou / Yizhou,
    # Changji / Changyi, Luojiang / Luoyang stay apart).
    tok = _GLIDE_PAIR.sub("i", tok)
    tok = _J_NOT_BEFORE_I.sub("i", tok).replace("y", "i")
    for old, new in _STEMS:
        if tok.startswith(old):
            tok = new + tok[len(old) :]
    # Russian -ovka/-ovsk/-ov vs Ukrainian -ivka/-ivsk/-iv (Konstantinovka /
    # Kostiantynivka, Artemovsk / Artemivsk, Kharkov / Kharkiv).
    tok = tok.replace("ovka", "ivka").replace("ovsk", "ivsk")
    if tok.endswith("ov") and len(tok) >= 4:
        tok = tok[:-2] + "iv"
    # Russian -skoye/-skaya vs Ukrainian -ske/-ska.
    if tok.endswith(("skoie", "skoe")):
        tok = tok[: tok.rindex("sko")] + "ske"
    elif tok.endswith("skaia"):
        tok = tok[:-5] + "ska"
    # No general collapse of doubled letters: it merged Samara/Samarra,
    # Haarlem/Harlem and Kisi/Kisii among places of 100,000+.
    return tok


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The fuzzy lookup key: :func:`plain_key` plus transliteration folding.

    Insensitive to case, diacritics, punctuation, hyphens, apostrophes (soft
    signs) and the common romanisation variants of Ukrainian and Russian names.
    """
    text = _SOFT.sub("", name.translate(_SCHOLARLY))
    return " ".join(_fold_token(tok) for tok in plain_key(text).split())


@lru_cache(maxsize=4096)
def _is_latin_char(ch: str) -> bool:
    return "LATIN" in unicodedata.name(ch, "")


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` is a Latin letter."""
    return all(_is_latin_char(ch) for ch in name if ch.isalpha())


# Demonyms and nationality adjectives are not places, but GeoNames has a few as
# names ("English", Indiana; "Arab", Alabama; "German" for San Germán), and an
# entity tagger hands us "Ukrainian" or "Russian" often.  None of these is
# indexed as a city name.  Plain keys.
DEMONYMS = frozenset(
    """
    afghan african albanian algerian american angolan arab arabian argentine argentinian
    armenian asian australian austrian azerbaijani azeri bahraini bangladeshi belarusian
    belgian bolivian bosnian brazilian british bulgarian burmese burundian cambodian
    cameroonian canadian chadian chechen chilean chinese colombian congolese croatian cuban
    cypriot czech danish dutch ecuadorian egyptian emirati english eritrean estonian
    ethiopian european filipino finnish french georgian german ghanaian greek guatemalan
    haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli
    italian ivorian jamaican japanese jewish jordanian kazakh kenyan korean kosovar kurdish
    kuwaiti kyrgyz lao latvian lebanese liberian libyan lithuanian macedonian malagasy
    malaysian malian mauritanian mexican moldovan mongolian montenegrin moroccan
    mozambican namibian nepali nepalese nigerian nigerien norwegian omani pakistani
    palestinian panamanian paraguayan persian peruvian polish portuguese qatari romanian
    russian rwandan saudi scottish senegalese serbian slovak slovenian somali
    spanish sudanese swedish swiss syrian taiwanese tajik tanzanian thai
    tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese
    welsh yemeni zambian zimbabwean
    """.split()
)
