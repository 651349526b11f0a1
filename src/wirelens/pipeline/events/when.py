"""When an event happened, and how many it killed: read from the sentence's words.

Dates are resolved against the article's publication date with simple relative
rules (weekday names, "yesterday", "overnight", "last week") and absolute
day-month(-year) forms; these cover news style without dateparser's cost on
every sentence.  A date is an ISO string whose form carries its precision:
``2024-05-14`` (day), ``2024-W19`` (week), ``2024-05`` (month), ``2024`` (year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal

DatePrecision = Literal["day", "week", "month", "year"]

WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                   "sunday")
MONTHS: Final = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|" \
         r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?",
                        re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_WEEKDAY = re.compile(r"\b(?:(last|this|on|early|late)\s+)?(monday|tuesday|wednesday|thursday|"
                      r"friday|saturday|sunday)\b", re.I)
_IN_MONTH = re.compile(rf"\b(?:in|since|during|early|late|mid-?)\s+{_MONTH}(?:\s+(\d{{4}}))?",
                       re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")

_RELATIVE: Final[tuple[tuple[re.Pattern[str], int, DatePrecision], ...]] = (
    (re.compile(r"\b(?:today|this (?:morning|afternoon|evening))\b", re.I), 0, "day"),
    (re.compile(r"\b(?:yesterday|last night|overnight|on the night of)\b", re.I), 1, "day"),
    (re.compile(r"\b(?:the day before yesterday)\b", re.I), 2, "day"),
    (re.compile(r"\blast weekend\b", re.I), 7, "week"),
    (re.compile(r"\b(?:last|past|previous) week\b", re.I), 7, "week"),
    (re.compile(r"\b(?:this|earlier this) week\b|\bin recent days\b|\bfew days ago\b", re.I), 0,
     "week"),
    (re.compile(r"\b(?:last|previous|past) month\b", re.I), 30, "month"),
    (re.compile(r"\b(?:this|earlier this) month\b|\brecent(?:ly)?\b|\blately\b", re.I), 0,
     "month"),
)


@dataclass(frozen=True, slots=True)
class When:
    date: str
    precision: DatePrecision


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _format(d: date, precision: DatePrecision) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "week":
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_date(sentence: str, published: date | None) -> When | None:
    """The event date a sentence states, resolved against the publication date.

    With no date words the event is taken to be recent news: the publication date
    at week precision (reports usually trail events by a day or two).
    """
    for rx in (_DAY_MONTH, _MONTH_DAY):
        m = rx.search(sentence)
        if m is None:
            continue
        if rx is _DAY_MONTH:
            day, month_word, year_word = m.group(1), m.group(2), m.group(3)
        else:
            month_word, day, year_word = m.group(1), m.group(2), m.group(3)
        month = MONTHS[month_word.lower().rstrip(".")]
        year = int(year_word) if year_word else (published.year if published else None)
        if year is None:
            continue
        d = _safe_date(year, month, int(day))
        if d is not None and published and not year_word and d > published:
            d = _safe_date(year - 1, month, int(day))  # "on 30 December" in a January story
        if d is not None:
            return When(_format(d, "day"), "day")
    if published is None:
        found = _YEAR.search(sentence)
        return When(found.group(1), "year") if found else None
    m = _WEEKDAY.search(sentence)
    if m is not None:
        target = WEEKDAYS.index(m.group(2).lower())
        back = (published.weekday() - target) % 7
        if (m.group(1) or "").lower() == "last" and back == 0:
            back = 7
        return When(_format(published - timedelta(days=back), "day"), "day")
    for rx, days, precision in _RELATIVE:
        if rx.search(sentence):
            return When(_format(published - timedelta(days=days), precision), precision)
    m = _IN_MONTH.search(sentence)
    if m is not None:
        month = MONTHS[m.group(1).lower().rstrip(".")]
        year = int(m.group(2)) if m.group(2) else published.year
        if not m.group(2) and month > published.month:
            year -= 1
        return When(f"{year:04d}-{month:02d}", "month")
    found = _YEAR.search(sentence)
    if found is not None:
        return When(found.group(1), "year")
    return When(_format(published, "week"), "week")


def past_years(sentence: str, published: date | None) -> list[int]:
    """Years the sentence names that lie before the publication year."""
    ref = published.year if published else date.today().year
    return [int(y) for y in _YEAR.findall(sentence) if int(y) < ref]


# -- fatalities ------------------------------------------------------------------------

NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a dozen": 12, "a hundred": 100, "single": 1,
}
VAGUE_WORDS: Final = ("dozens", "scores", "several", "many", "hundreds", "numerous", "some",
                      "a number of", "multiple", "significant", "heavy", "countless",
                      "thousands", "unknown number of", "a few", "few")
_UNITS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUM_WORD = (rf"(?:{_UNITS}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
             r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
             r"one|two|three|four|five|six|seven|eight|nine|ten|a dozen|a hundred|a|an|single)")
# (a thousands comma only between digit groups: "2024, soldiers killed 45" is a year and
# a clause, not 2,024 dead; blind check 34-36 summed them to 2069)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+"
_NUM = rf"(?P<n>{_DIGITS}|{_NUM_WORD})"
_VAGUE = r"(?P<v>" + "|".join(re.escape(w) for w in VAGUE_WORDS) + ")"
_QUAL = r"(?:(?:at least|more than|over|about|around|some|nearly|almost|up to|roughly|" \
        r"an estimated|as many as)\s+)?"
_VICTIM = r"(?:(?:[\w-]+\s+){0,3}?(?:people|persons|civilians|soldiers|troops|fighters|" \
          r"militants|servicemen|children|women|men|residents|villagers|police(?:men| officers)?|" \
          r"officers|protesters|demonstrators|members|others|workers|passengers|students|" \
          r"attackers|insurgents|rebels|farmers|miners|worshippers|guards|person|civilian|" \
          r"soldier|child|woman|man|boy|girl|resident|officer|policeman|fighter|militant|" \
          r"member|teenager|journalist|journalists|teenagers|recruits|family members)\s+)?"
_DIED = r"(?:were|was|have been|had been|are|is|being)?\s*(?:killed|dead|died|slain|" \
        r"shot dead|lost their lives|were killed|perished|massacred|executed|beheaded|" \
        r"burned to death|murdered)"
_NUM_NOT_A = _NUM.replace("|a|an|single)", "|single)")
_NOT_HURT = r"(?!\s*(?:%|per ?cent|km|kilomet|miles|days|hours|metres|meters))" \
            r"(?!\s+(?:(?!and\b)[\w-]+\s+){0,2}(?:injured|wounded|hurt|homeless|missing|displaced))"
_FATALITY_PATTERNS: Final = (
    re.compile(rf"\b{_QUAL}{_NUM}\s+{_VICTIM}(?:\w+\s+)?{_DIED}\b", re.I),
    re.compile(rf"\b(?:killing|killed|kills|claimed the lives of)"
               rf"\s+{_QUAL}{_NUM_NOT_A}\b{_NOT_HURT}", re.I),
    # "leaving 12 dead", not "leaving about 30,000 homes without power"
    re.compile(rf"\b(?:leaving|left)\s+{_QUAL}{_NUM_NOT_A}\b"
               rf"(?=\s+(?:[\w-]+\s+){{0,3}}?(?:dead|killed)\b)", re.I),
    re.compile(rf"\b(?:killing|killed|kills)\s+{_QUAL}(?P<n>an?)\s+{_VICTIM}", re.I),
    # "killing a soldier and two civilians", not "left five dead and 20 wounded"
    re.compile(rf"\b(?:killing|killed|kills|leaving|left)\s+(?:\S+\s+){{1,4}}?and\s+"
               rf"{_QUAL}{_NUM_NOT_A}\b{_NOT_HURT}\s+{_VICTIM}", re.I),
    re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,4}}?{_QUAL}{_NUM}\b", re.I),
    re.compile(rf"\b{_QUAL}{_NUM}\s+(?:deaths|fatalities|dead|bodies|people dead)\b", re.I),
    re.compile(rf"\b{_NUM}\s+fatalit(?:y|ies)\b", re.I),
)
_PAIR: Final = re.compile(rf"\b{_QUAL}{_NUM}\s+{_VICTIM}and\s+{_QUAL}"
                         rf"(?P<m>{_DIGITS}|{_NUM_WORD})\s+{_VICTIM}{_DIED}\b", re.I)
_VAGUE_PATTERNS: Final = (
    re.compile(rf"\b{_VAGUE}\s+{_VICTIM}(?:\w+\s+)?{_DIED}\b", re.I),
    re.compile(rf"\b(?:killing|killed|leaving)\s+{_VAGUE}\b", re.I),
    re.compile(rf"\b{_VAGUE}\s+(?:deaths|fatalities|casualties|dead)\b", re.I),
)
_NO_DEATHS = re.compile(r"\bno (?:one|fatalities|deaths|casualties)\b|\bnobody was "
                        r"(?:killed|hurt)\b|\bno-one was killed\b", re.I)
# A toll counted over a span of time is no event's fatalities: "more than 38,000 have
# been killed since the war began", "has killed 500 so far this year".
_CUMULATIVE = re.compile(r"\W*(?:[\w-]+\W+){0,3}?(?:since|so far|to date|in total|"
                         r"altogether)\b", re.I)
# Cheap gate: no fatality pattern can match a sentence without one of these words
# (profiled on the article gold: most sentences report no deaths).
_DEATH_WORDS = re.compile(r"kill|dead|died|slain|lives|perish|massacr|execut|behead|death|"
                          r"murder|bodies|fatalit|casualt|\bleft\b|leaving", re.I)


# A year after a month or a preposition of time is no count of dead ("in January 2024
# killed ..." when the parse runs the date into the clause).
_YEAR_BEFORE = re.compile(r"\b(?:january|february|march|april|may|june|july|august|"
                          r"september|october|november|december|in|since|of|by)\s+$", re.I)


def _number(word: str) -> int | None:
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


@dataclass(frozen=True, slots=True)
class Fatalities:
    count: int | None  # None: none stated, or only vaguely
    text: str | None  # the words that state it ("at least 14 killed", "dozens dead")


def fatalities(sentence: str) -> Fatalities:
    """Deaths a sentence reports: the sum of the numbers stated, or the vague words."""
    m0 = _NO_DEATHS.search(sentence)
    if m0 is not None:
        return Fatalities(0, m0.group())
    if _DEATH_WORDS.search(sentence) is None:
        return Fatalities(None, None)
    total = 0
    texts: list[str] = []
    taken: list[tuple[int, int]] = []
    for m in _PAIR.finditer(sentence):
        # "two soldiers and five civilians were killed": both numbers count
        a, b = _number(m.group("n")), _number(m.group("m"))
        if a is not None and b is not None and not _CUMULATIVE.match(sentence, m.end()):
            total += a + b
            taken += [m.span("n"), m.span("m")]
            texts.append(m.group().strip())
    for rx in _FATALITY_PATTERNS:
        for m in rx.finditer(sentence):
            s, e = m.span("n")
            if any(s < te and ts < e for ts, te in taken):
                continue
            n = _number(m.group("n"))
            if n is None or n > 100_000 or _CUMULATIVE.match(sentence, m.end()) or \
                    (1900 <= n <= 2100 and _YEAR_BEFORE.search(sentence, 0, s)):
                continue
            taken.append((s, e))
            total += n
            texts.append(m.group().strip())
    if texts:
        return Fatalities(total, "; ".join(texts))
    for rx in _VAGUE_PATTERNS:
        vague = rx.search(sentence)
        if vague is not None:
            return Fatalities(None, vague.group().strip())
    return Fatalities(None, None)
