"""Find the quoted stretches of a text from its quote marks alone.

The hard part is the curly single quote: ’ closes a quotation and is also the
apostrophe (Russia’s, don’t, the soldiers’ families), and a straight quote
(" or ') does not say whether it opens or closes.  Every mark is therefore
classified by its neighbours first:

* a mark between two letters or digits is an apostrophe, never a quote mark;
* a mark after a space (or a line start, or an opening bracket) can open;
* a mark before a space or punctuation can close;
* ’ after an "s" and before a lower-case word ("the soldiers’ homes") is a
  *weak* closer: used only when no firmer closer turns up in the paragraph;
* where two apostrophes stand for the double quote, three are a single and a
  double mark, in the order that closes the inner quotation first (or opens
  the outer one first).

Then each opener looks for its closer to the right, stepping over nested
quotations (‘the so-called ‘Maidan’ coup’).  A quotation may run on over a
paragraph break, with or without the opening mark repeated at the start of the
next paragraph (both styles occur in wire copy).  An opener that finds no
closer within reach is a stray mark and is dropped on its own, so one stray
mark never derails the rest of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

Family = Literal["double", "single"]

_MARK = re.compile(r"'''|``|''|[\"“”„«»‘’'‚‹›]")
# Characters after which a mark can open a quotation.
_OPEN_BEFORE = frozenset(" \t\n\u00a0([{—–-/:")
# Characters before which a mark can close one.
_CLOSE_AFTER = frozenset(" \t\n\u00a0)]},.;:!?—–-/…")
# How many paragraph breaks a quotation may cross when the next paragraph does
# not repeat the opening mark.  One is enough for the Konstantinovka sample
# and for PolNeAR train; two more would let a stray opener swallow answers.
MAX_BARE_BREAKS = 2
# With the opening mark repeated at each paragraph start, long speeches occur.
MAX_REPEATED_BREAKS = 12


@dataclass(frozen=True, slots=True)
class Mark:
    pos: int
    end: int
    family: Family
    can_open: bool
    can_close: bool
    weak: bool = False  # a closer that may be a plural possessive
    line_start: bool = False  # the first thing on its line


@dataclass(frozen=True, slots=True)
class Quoted:
    """One top-level quotation: ``start``/``end`` include the marks."""

    start: int
    end: int
    inner_start: int  # after the opening mark
    inner_end: int  # before the closing mark
    family: Family
    breaks: int  # paragraph breaks inside


def classify(text: str) -> list[Mark]:
    """Every quote mark with what its context allows it to be (apostrophes dropped)."""
    out: list[Mark] = []
    n = len(text)
    for s, e, ch in _marks(text):
        before = text[s - 1] if s > 0 else "\n"
        after = text[e] if e < n else "\n"
        opens_here = before in _OPEN_BEFORE or before in "\"“‘'"
        closes_here = after in _CLOSE_AFTER or after in "\"”’'"
        line_start = _line_start(text, s)
        if ch in {"“", "„", "«", "``"}:
            # “ also closes a German „...“ quotation; the pairing step allows for that.
            out.append(Mark(s, e, "double", True, False, line_start=line_start))
        elif ch in {"”", "»"}:
            out.append(Mark(s, e, "double", False, True, line_start=line_start))
        elif ch in {'"', "''"}:
            # '' is the straight double quote of some wire copy (NYT: ''We ...,'' he
            # said), used to open as well as to close
            can_open = opens_here and not after.isspace()
            can_close = not before.isspace() and closes_here
            if not can_open and not can_close:
                if before.isspace() and after.isspace():
                    continue  # a lone mark between spaces: a typo or a unit (inches)
                can_open = can_close = True
            out.append(Mark(s, e, "double", can_open, can_close, line_start=line_start))
        elif ch in {"‘", "‚", "‹"}:
            if (before.isalnum() and after.isalnum()) or after.isdigit():
                continue  # a mis-keyed apostrophe inside a word, or ‘90s
            out.append(Mark(s, e, "single", True, False, line_start=line_start))
        else:  # ’ ' ›
            if before.isalnum() and after.isalnum():
                continue  # Russia’s, don’t
            if before.isspace() and after.isdigit():
                continue  # ’90s
            can_open = ch != "’" and opens_here and (after.isalnum() or after in "\"“")
            can_close = not before.isspace() and (closes_here or e == n)
            if not can_open and not can_close:
                continue
            weak = can_close and before in "sS" and _lower_word_follows(text, e)
            out.append(Mark(s, e, "single", can_open, can_close, weak=weak,
                            line_start=line_start))
    return out


def _marks(text: str) -> list[tuple[int, int, str]]:
    """Each mark with its span; three straight apostrophes are two marks.

    In wire copy that writes the double quote as '' ("''I would use the word
    'old-school,''' he said"; PolNeAR train), ''' is a single mark and a
    double one: the single closes first at the end of a quotation, and the
    double opens first before a word.
    """
    out: list[tuple[int, int, str]] = []
    for m in _MARK.finditer(text):
        s, e = m.start(), m.end()
        if e - s < 3:
            out.append((s, e, m.group()))
        elif e < len(text) and text[e].isalnum():
            out += [(s, s + 2, "''"), (s + 2, e, "'")]
        else:
            out += [(s, s + 1, "'"), (s + 1, e, "''")]
    return out


def _line_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    return k < 0 or text[k] == "\n"


def _lower_word_follows(text: str, pos: int) -> bool:
    return re.match(r"[ \u00a0]+[a-z]", text[pos:pos + 4]) is not None


def find_quotes(text: str) -> list[Quoted]:
    """The top-level quotations of ``text``, in order."""
    return _Pairer(text, classify(text)).run()


class _Pairer:
    def __init__(self, text: str, marks: list[Mark]) -> None:
        self.text = text
        self.marks = marks
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.memo: dict[tuple[int, str], int | None] = {}

    def run(self) -> list[Quoted]:
        out: list[Quoted] = []
        marks = self.marks
        i = 0
        while i < len(marks):
            m = marks[i]
            j = self.close_of(i, "") if m.can_open else None
            if j is None:
                i += 1  # a closer without opener, or a stray opener: drop it alone
                continue
            c = marks[j]
            inner = self.text[m.end:c.pos]
            if inner.strip():
                out.append(Quoted(m.pos, c.end, m.end, c.pos, m.family, inner.count("\n")))
            i = j + 1
        return out

    def _breaks_between(self, a: int, b: int) -> int:
        return bisect_left(self.breaks, b) - bisect_left(self.breaks, a)

    def close_of(self, i: int, stop: str) -> int | None:
        key = (i, stop)
        if key not in self.memo:
            self.memo[key] = self._close_of(i, stop)
        return self.memo[key]

    def _sentence_initial(self, m: Mark) -> bool:
        """Only a quotation that opens a sentence or follows "said:" runs on past its paragraph.

        A mark in mid-sentence ("the ‘corridor was closed") is a scare quote
        or a typo; letting it cross paragraphs would swallow the next quote.
        """
        k = m.pos - 1
        while k >= 0 and self.text[k] in " \t\u00a0":
            k -= 1
        return k < 0 or self.text[k] in ".!?:,;\n”’\"'—–-…"

    def _closes(self, opener: Mark, m: Mark) -> bool:
        ch = self.text[m.pos:m.end]
        if self.text[opener.pos] == "„":
            return ch in {"“", "”", '"'}
        if not m.can_close:
            return False
        # a mark that may open or close: it closes unless a word follows it directly
        return not m.can_open or not self.text[m.end:m.end + 1].isalnum()

    def _close_of(self, i: int, stop: str) -> int | None:
        """Index of the mark closing the opener ``marks[i]``, or None.

        ``stop`` is the family of an enclosing quotation: meeting one of its
        closers first means this opener was stray.
        """
        marks = self.marks
        text = self.text
        opener = marks[i]
        weak: int | None = None
        bare_breaks = 0
        all_breaks = 0
        pos = opener.end
        j = i + 1
        while j < len(marks):
            m = marks[j]
            crossed = self._breaks_between(pos, m.pos)
            if crossed:
                if weak is not None or not self._sentence_initial(opener):
                    return weak
                # does the paragraph we enter repeat the opening mark?
                repeated = m.line_start and m.can_open and m.family == opener.family
                all_breaks += crossed
                bare_breaks += 0 if repeated else crossed
                if bare_breaks > MAX_BARE_BREAKS or all_breaks > MAX_REPEATED_BREAKS:
                    return None
                if repeated:
                    pos = m.end
                    j += 1
                    continue
            if m.family == opener.family:
                if self._closes(opener, m):
                    if not m.weak:
                        return j
                    weak = j if weak is None else weak
                elif m.can_open:
                    same_char = text[m.pos:m.end] == text[opener.pos:opener.end]
                    if opener.family == "double" and same_char:
                        return weak  # double quotes do not nest in themselves: stray opener
                    inner = self.close_of(j, opener.family)
                    if inner is not None:
                        pos = marks[inner].end
                        j = inner + 1
                        continue
            elif m.can_open and not m.can_close:
                # a quotation of the other family nested inside this one
                inner = self.close_of(j, opener.family)
                if inner is not None:
                    pos = marks[inner].end
                    j = inner + 1
                    continue
            elif stop and m.family == stop and m.can_close and not m.can_open:
                return weak
            pos = m.end
            j += 1
        return weak
