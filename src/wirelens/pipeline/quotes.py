"""Quotations with their speaker, cue and kind.

Contract: requires ``entities``, ``mentions`` and ``coref`` (speakers are the
entity layer's people and organisations, pronouns and "the president" already
linked); assigns ``quotes``.

Three passes over one parsed document, no second parse:

1. **Direct quotes.**  :mod:`~wirelens.pipeline.quotemarks` finds the quoted
   stretches; each looks for its cue right after it ("..., said X", ", X
   said") or right before it ("X said:", "according to X, ...").
2. **Reported speech.**  :mod:`~wirelens.pipeline.reported` reads "X said
   that ...", "X urged Y to ...", "X called for ..." from the dependency
   parse.  A quotation inside such content makes it *mixed* ("urged Russia to
   ‘allow unimpeded access ...’").
3. **Continuations.**  A quotation with no cue of its own goes to the last
   speaker before it: the second half of a split quote ("‘A,’ said X. ‘B.’")
   shares the first half's cue; a later paragraph that goes on quoting gets
   the speaker with no cue.

The content span follows PolNeAR: a direct quote keeps its quote marks, a
reported clause keeps its "that" and drops the final full stop.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wirelens.model import Quote, QuoteKind, Span, Speaker
from wirelens.pipeline.base import Context, component, doc_text
from wirelens.pipeline.cues import ATTITUDE_LEMMAS, SPEECH_LEMMAS, SpeakerFinder
from wirelens.pipeline.quotemarks import Quoted, find_quotes
from wirelens.pipeline.reported import Reported, find_reported, subject_of
from wirelens.pipeline.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# How far a cue may sit from its quotation, in tokens.  "said X" right after
# the closing mark is the rule; "X said in a statement on Monday:" before the
# opening mark is the long case.  Tuned on PolNeAR train.
AFTER_WINDOW = 8
BEFORE_WINDOW = 6
BEFORE_WINDOW_COLON = 14
# A continuation with no cue goes to the last speaker only this many
# paragraphs on; further away, the reader has lost the thread too.
CONTINUATION_PARAGRAPHS = 2
# Shorter quotations with no cue are titles or scare quotes ("the so-called
# ‘Maidan’"), not statements: on PolNeAR train, cue-less quotes of one to
# three words were almost never attributions.
MIN_STATEMENT_WORDS = 4
# Confidence by how the speaker was found (ordered by reliability on
# PolNeAR dev; they are ranks, not calibrated probabilities).
CONF_CUE = 0.9
CONF_REPORTED = 0.75
CONF_SPLIT = 0.8
CONF_CONTINUATION = 0.6
CONF_ATTITUDE = 0.5  # "X believes that ...": an attribution, not a statement
_SENT_END = frozenset({".", "!", "?"})


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None
    cue: Span | None
    confidence: float
    verb: int | None = None  # token index of the cue verb


@component("quotes", requires=("entities", "mentions", "coref"), assigns=("quotes",))
class QuoteExtractor:
    """Find every quotation and reported statement with who said it."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, ctx: Context) -> None:
        doc = ctx.doc
        finder = SpeakerFinder.build(doc_text(doc), ctx.extra.get("mentions", []),
                                     ctx.extra.get("clusters", []), ctx.entities)
        ctx.quotes = [Quote(doc_text(doc)[f.start:f.end], f.start, f.end, f.kind, f.speaker, f.cue,
                            f.confidence)
                      for f in extract(doc, finder)]


def extract(doc: Doc, finder: SpeakerFinder) -> list[_Found]:
    """All attributions of one document, in text order."""
    text = doc_text(doc)
    quotes = find_quotes(text)
    starts = [t.idx for t in doc]
    direct: dict[int, _Found] = {}
    used_verbs: set[int] = set()
    for n in range(len(quotes)):
        found = _direct(doc, starts, quotes, n, finder)
        if found is not None:
            direct[n] = found
            if found.verb is not None:
                used_verbs.add(found.verb)
    reported = [_from_reported(doc, r, quotes, finder) for r in
                find_reported(doc, quotes, skip=used_verbs)]
    found_all = [f for f in reported if f is not None]
    # A quoted fragment inside a mixed quote ("said a deal is 'closer than ever,' but
    # officials have accused ...") belongs to that quote's speaker: a second, direct
    # attribution of it to a cue further on is wrong (our goldens, article 15).
    for n in [n for n, f in direct.items() if any(
            m.kind == "mixed" and m.start <= quotes[n].start and quotes[n].end <= m.end
            for m in found_all)]:
        del direct[n]
    absorbed = {n for n, q in enumerate(quotes) if n not in direct and
                any(f.start <= q.start and q.end <= f.end for f in found_all)}
    out = list(direct.values()) + found_all
    _continuations(text, quotes, direct, absorbed, out)
    out.sort(key=lambda f: (f.start, f.end))
    return out


# -- direct quotes ------------------------------------------------------------------


def _token_at(starts: list[int], pos: int) -> int:
    """Index of the first token starting at or after ``pos``."""
    return bisect_left(starts, pos)


def _is_cue_verb(tok: Token) -> bool:
    return tok.lemma_ in SPEECH_LEMMAS and tok.pos_ in {"VERB", "AUX"}


def _direct(doc: Doc, starts: list[int], quotes: list[Quoted], n: int,
            finder: SpeakerFinder) -> _Found | None:
    q = quotes[n]
    text = doc_text(doc)
    last = text[q.inner_start:q.inner_end].rstrip()[-1:]
    after = _cue_after(doc, starts, quotes, n)
    before = _cue_before(doc, starts, quotes, n)
    # "‘A,’ said X" puts the cue after; "X said: ‘A.’" before.  A quote that
    # ends its sentence takes a following cue only when that cue has nothing
    # else to report ("‘A.’ said X." but not "‘A.’ X added that ...").
    if last in {",", "?", "!", "—", "–", "-"} and after is not None:
        choice = after
    elif before is not None:
        choice = before
    elif after is not None and _bare(doc[after[0]]):
        choice = after
    else:
        return None
    verb_i, subj = choice
    verb = doc[verb_i]
    speaker = finder.from_token(subj, avoid=(q.start, q.end)) if subj is not None else None
    if speaker is None:
        return None
    cue = _cue_span(doc, verb)
    kind: QuoteKind = "direct"
    return _Found(q.start, q.end, kind, speaker, cue, CONF_CUE, verb_i)


def _bare(verb: Token) -> bool:
    """A cue verb with nothing of its own to report."""
    return not any(c.dep_ in {"ccomp", "xcomp", "dobj"} and c.i > verb.i for c in verb.children)


def _cue_span(doc: Doc, verb: Token) -> Span:
    start, end = verb.idx, verb.idx + len(verb)
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if verb.lower_ == "according" and nxt is not None:
        end = nxt.idx + len(nxt)
    return Span(start, end, doc_text(doc)[start:end])


def _speaker_token(verb: Token, lo: int, hi: int) -> Token | None:
    """The subject of the cue verb, or the noun the small model left unattached."""
    subj = subject_of(verb)
    if subj is not None and lo <= subj.idx < hi:
        return subj
    if verb.lower_ == "according":
        to = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        return pobj
    # "said Alexander Sokolov" parsed with the name as object or appositive
    for child in verb.children:
        if child.dep_ in {"dobj", "attr", "npadvmod", "appos", "nsubj"} and \
                lo <= child.idx < hi and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            return child
    return None


def _cue_after(doc: Doc, starts: list[int], quotes: list[Quoted],
               n: int) -> tuple[int, Token | None] | None:
    q = quotes[n]
    text = doc_text(doc)
    limit = quotes[n + 1].start if n + 1 < len(quotes) else len(text)
    para_end = text.find("\n", q.end)
    if para_end >= 0:
        limit = min(limit, para_end)
    i = _token_at(starts, q.end)
    hi = i
    verb: Token | None = None
    while hi < len(doc) and hi - i < AFTER_WINDOW and doc[hi].idx < limit:
        tok = doc[hi]
        if tok.text in _SENT_END:
            break
        if verb is None and (_is_cue_verb(tok) or (
                tok.lower_ == "according" and hi + 1 < len(doc) and doc[hi + 1].lower_ == "to")):
            verb = tok
        elif verb is None and tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"aux"}:
            return None  # another clause comes first: the cue is not here
        hi += 1
    if verb is None:
        return None
    # the speaker may run on past the window ("said X, a defense expert based in ...")
    end = doc[min(hi + 6, len(doc) - 1)].idx + 1
    subj = _speaker_token(verb, q.end, min(end, limit))
    return verb.i, subj


def _cue_before(doc: Doc, starts: list[int], quotes: list[Quoted],
                n: int) -> tuple[int, Token | None] | None:
    q = quotes[n]
    text = doc_text(doc)
    floor = quotes[n - 1].end if n > 0 else 0
    floor = max(floor, text.rfind("\n", 0, q.start) + 1)
    j = _token_at(starts, q.start) - 1
    toks: list[Token] = []
    while j >= 0 and doc[j].idx >= floor:
        if doc[j].text in _SENT_END and toks:
            break
        toks.append(doc[j])
        j -= 1
    if not toks:
        return _cue_previous_paragraph(doc, starts, q, floor)
    gap_end = toks[0]
    colon = gap_end.text == ":"
    window = BEFORE_WINDOW_COLON if colon else BEFORE_WINDOW
    # "X said that ‘...’" and "described it as ‘...’" are left to the reported
    # pass, which makes them mixed with "that" in the content (PolNeAR's way).
    if gap_end.text not in {":", ","} and not _is_cue_verb(gap_end):
        return None
    for k, tok in enumerate(toks[:window]):
        if _is_cue_verb(tok) or (tok.lower_ == "according" and k > 0 and
                                 toks[k - 1].lower_ == "to"):
            subj = _speaker_token(tok, floor, q.start)
            return tok.i, subj
    return None


def _cue_previous_paragraph(doc: Doc, starts: list[int], q: Quoted,
                            floor: int) -> tuple[int, Token | None] | None:
    """'Caddell continued:' closing the paragraph before the quotation."""
    text = doc_text(doc)
    prev_end = floor - 1
    while prev_end > 0 and text[prev_end - 1] in " \n\t":
        prev_end -= 1
    if prev_end <= 0 or text[prev_end - 1] != ":":
        return None
    prev_start = text.rfind("\n", 0, prev_end) + 1
    j = _token_at(starts, prev_end - 1)
    for k in range(j, max(-1, j - BEFORE_WINDOW_COLON), -1):
        tok = doc[k]
        if tok.idx < prev_start:
            break
        if _is_cue_verb(tok):
            return tok.i, _speaker_token(tok, prev_start, prev_end)
    return None


# -- reported speech ------------------------------------------------------------------


def _from_reported(doc: Doc, r: Reported, quotes: list[Quoted],
                   finder: SpeakerFinder) -> _Found | None:
    if r.subject is None:
        return None
    subj = doc[r.subject]
    # the reported pass has already let through only "it" of the verbs of saying
    speaker = finder.from_token(subj, avoid=(r.start, r.end), allow_it=True)
    if speaker is None:
        return None
    inner = [q for q in quotes if r.start <= q.start and q.end <= r.end]
    kind: QuoteKind = "indirect"
    if inner:
        only = inner[0]
        lead = doc_text(doc)[r.start:only.start].strip().lower()
        kind = "direct" if len(inner) == 1 and lead in {"", "that"} and only.end == r.end \
            else "mixed"
    cue = Span(r.cue_start, r.cue_end, doc_text(doc)[r.cue_start:r.cue_end])
    confidence = CONF_REPORTED if doc[r.verb].lemma_ not in ATTITUDE_LEMMAS else CONF_ATTITUDE
    return _Found(r.start, r.end, kind, speaker, cue, confidence, r.verb)


# -- continuations ----------------------------------------------------------------------


def _continuations(text: str, quotes: list[Quoted], direct: dict[int, _Found],
                   absorbed: set[int], out: list[_Found]) -> None:
    """Give each cue-less quotation to the speaker before it, when the text allows."""
    for n, q in enumerate(quotes):
        if n in direct or n in absorbed or not _statement_like(text, q):
            continue
        before = [f for f in out if f.end <= q.start and f.speaker is not None]
        if not before:
            continue
        last = max(before, key=lambda f: f.end)
        gap = text[last.end:q.start]
        breaks = gap.count("\n")
        # the other half of a split quote: only the cue's own sentence in between
        prev = next((d for d in direct.values() if d is last), None)
        if prev is not None and _split_gap(gap, last):
            found = _Found(q.start, q.end, "direct", last.speaker, last.cue, CONF_SPLIT)
        elif (_paragraphs_between(gap) <= CONTINUATION_PARAGRAPHS and not gap.strip()) or \
                breaks == 0 or _paragraphs_between(gap) <= 1:
            # quotes paragraph after paragraph, or the next quote after one line of prose
            found = _Found(q.start, q.end, "direct", last.speaker, None, CONF_CONTINUATION)
        else:
            continue
        direct[n] = found
        out.append(found)


def _statement_like(text: str, q: Quoted) -> bool:
    """A quotation that stands as a sentence of its own, not a scare-quoted term.

    It opens a sentence (after a full stop, a closing mark, a colon or a line
    start) and runs to at least ``MIN_STATEMENT_WORDS`` words.
    """
    k = q.start - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    opens = k < 0 or text[k] in ".!?:\n”’\"'…"
    return opens and len(text[q.inner_start:q.inner_end].split()) >= MIN_STATEMENT_WORDS


def _split_gap(gap: str, last: _Found) -> bool:
    """Between two halves of a split quote there is one sentence: the attribution."""
    if last.cue is None:
        return False
    stripped = gap.strip()
    if not stripped:
        return True
    # "said X, a defense expert based in St. Petersburg." – one sentence end at most,
    # the abbreviation "St." aside
    ends = sum(1 for k, ch in enumerate(stripped) if ch in ".!?" and
               (k + 1 == len(stripped) or stripped[k + 1] in " \n"))
    return ends <= 2 and len(stripped) < 250


def _paragraphs_between(gap: str) -> int:
    return sum(1 for para in gap.split("\n") if para.strip())
