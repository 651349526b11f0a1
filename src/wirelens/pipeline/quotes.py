"""Quotations with their speaker, cue and kind.

Contract: requires ``entities``, ``mentions`` and ``coref`` (speakers are the
entity layer's people and organisations, pronouns and "the president" already
linked); assigns ``quotes``.

Three passes over one parsed document, no second parse:

1. **Direct quotes.**  :mod:`~wirelens.pipeline.quotemarks` finds the quoted
   stretches; each looks for its cue right after it ("..., said X", ", X
   said") or right before it ("X said:", "according to X, ...").  With the
   cue after it, the words of its sentence before the quotation are content
   too ("America needs leaders ‘who listen,’ she said.": *mixed*).
2. **Reported speech.**  :mod:`~wirelens.pipeline.reported` reads "X said
   that ...", "X urged Y to ...", "X called for ..." from the dependency
   parse.  A quotation inside such content makes it *mixed* ("urged Russia to
   ‘allow unimpeded access ...’").  Content in two parts ("The bridge, she
   said, will reopen") gives two quotes that share their cue.  A cue inside
   another attribution's content ("said voters support the plan") is part
   of that statement, not one of its own.  Attributions that are not speech
   ("analysts believe that ...", "wants to ...", "talked about ...") come
   with the lowest confidence, ``CONF_ATTITUDE``, and never hand their
   speaker on to a continuation.
   A speaker written as "he", "it", "the official", "the ministry" or "the
   statement" takes the speaker of the attribution it refers back to, in the
   same or the previous sentence (see ``_resolve_back_references``); an
   unnamed antecedent stays the description it is ("a man who identified
   himself as a commander"), with the pronoun as the mention.
3. **Continuations.**  A quotation with no cue of its own goes to the last
   speaker before it: the second half of a split quote ("‘A,’ said X. ‘B.’")
   shares the first half's cue (also across another attribution inside the
   cue's sentence: "‘A,’ X said when asked if ... ‘B.’"); a later paragraph
   that goes on quoting gets the speaker with no cue.
4. **Headline.**  "Mayor Danko: Bridge Will Reopen." as the first line is an
   attribution with ":" as its cue.

The content span follows PolNeAR: a direct quote keeps its quote marks, a
reported clause keeps its "that" and drops the final full stop.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from wirelens import lexicon
from wirelens.model import Quote, QuoteKind, Span, Speaker
from wirelens.pipeline.base import Context, component, doc_text, is_title_case
from wirelens.pipeline.coref import ROLE_SYNONYMS
from wirelens.pipeline.cues import SPEECH_LEMMAS, SpeakerFinder
from wirelens.pipeline.quotemarks import Quoted, find_quotes
from wirelens.pipeline.reported import Reported, find_reported, lead_in_end, subject_of
from wirelens.pipeline.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# How far a cue may sit from its quotation, in tokens.  "said X" right after
# the closing mark is the rule; "X said in a statement on Monday:" before the
# opening mark is the long case.  Tuned on PolNeAR train.
AFTER_WINDOW = 8
# "‘A,’ NAME, an appositive, said": the appositive is skipped, up to this many
# tokens (a title and an organisation's name; our articles and PolNeAR train).
APPOSITIVE_TOKENS = 16
BEFORE_WINDOW = 6
BEFORE_WINDOW_COLON = 14
# A continuation with no cue goes to the last speaker only this many
# paragraphs on; further away, the reader has lost the thread too.
CONTINUATION_PARAGRAPHS = 2
# Shorter quotations with no cue are titles or scare quotes ("the so-called
# ‘Maidan’"), not statements: on PolNeAR train, cue-less quotes of one to
# three words were almost never attributions.
MIN_STATEMENT_WORDS = 4
# The second half of a split quote may be shorter ("‘They shell us,’ he said.
# ‘Every night, right?’"): right after the first half's attribution
# sentence, a quotation that opens a sentence is that speaker's (PolNeAR train).
MIN_HALF_WORDS = 2
# Confidence by how the speaker was found (ordered by reliability on
# PolNeAR dev; they are ranks, not calibrated probabilities).
CONF_CUE = 0.9
CONF_REPORTED = 0.75
CONF_SPLIT = 0.8
CONF_CONTINUATION = 0.6
CONF_ATTITUDE = 0.5  # "X believes that ...", "X wants to ...": an attribution, not a statement
# Verbs that introduce a quotation right next to them but report nothing
# otherwise ("‘...,’ he continued", "the sign read: ‘...’", "she pointed out").
# Kept out of SPEECH_LEMMAS, which also decides what the scorer counts as
# speech.  The most frequent such cues of direct quotes on PolNeAR train.
_QUOTE_CUE_LEMMAS = frozenset({"continue", "read", "point", "interject", "exclaim", "bark",
                               "quip", "post", "wonder", "confess", "go"})
# A headline source is a name or a short description ("Hacker Guccifer:",
# "McCain Challenger Kelli Ward:"), not a sentence (length from PolNeAR train).
HEADLINE_PREFIX_WORDS = 5
CONF_HEADLINE = 0.6
# Headline labels that name no source ("Breaking: ...", "The Latest: ...").
_NOT_SOURCES = frozenset({"The", "A", "An", "Breaking", "Exclusive", "Watch", "Update",
                          "Analysis", "Opinion", "Editorial", "Review", "Video", "Live"})
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
    found_all = [f for r in find_reported(doc, quotes, skip=used_verbs)
                 for f in _from_reported(doc, r, quotes, finder)]
    headline_end = max(text.find("\n"), 0)
    if headline_end and is_title_case(text[:headline_end]):
        # The small model parses a title-case headline as a sentence of names ("Both
        # Sides Agree To Return" gave speaker "Both Sides", content "To Return"; our
        # goldens, article 06): there only a verb of saying with a clause ("Minister
        # Says ...", which PolNeAR annotates) gives reported speech, not "agree to".
        found_all = [f for f in found_all if f.cue is None or f.cue.start >= headline_end
                     or (f.verb is not None and doc[f.verb].lemma_.lower() in SPEECH_LEMMAS
                         and text[f.start:f.start + 3].lower() != "to ")]
    found_all = _drop_nested(found_all, list(direct.values()))
    # "‘A,’ Orlov told a small crowd, according to a video released by his office":
    # the quotation has its speaker and cue; "according to" names where the
    # report comes from, not a second speaker of the same words (our articles, 05)
    found_all = [f for f in found_all if not (
        f.cue is not None and f.cue.text.lower().startswith("according") and
        any(d.cue is not None and d.confidence == CONF_CUE and f.start <= d.start and
            d.cue.start < f.end for d in direct.values()))]
    # A quoted fragment inside a mixed quote ("said a deal is 'closer than ever,' but
    # officials have accused ...") belongs to that quote's speaker: a second, direct
    # attribution of it to a cue further on is wrong (our goldens, article 15).
    for n in [n for n, f in direct.items() if any(
            m.kind == "mixed" and m.start <= quotes[n].start and quotes[n].end <= m.end
            for m in found_all)]:
        del direct[n]
    _resolve_back_references(doc, direct, found_all, finder)
    absorbed = {n for n, q in enumerate(quotes) if n not in direct and
                any(f.start <= q.start and q.end <= f.end for f in found_all)}
    leads = [lead for n, f in direct.items()
             if (lead := _parenthetical_lead(doc, quotes, n, f)) is not None]
    out = list(direct.values()) + found_all
    _continuations(text, quotes, direct, absorbed, out)
    out += [lead for lead in leads
            if not any(f.start < lead.end and lead.start < f.end for f in out)]
    headline = _headline(doc, finder)
    if headline is not None:
        # the headline's own quotation ("Mayor: ‘We held’") is part of its content
        out = [f for f in out if f.end <= headline.start or f.start >= headline.end]
        out.append(headline)
    out.sort(key=lambda f: (f.start, f.end))
    return out


def _drop_nested(reported: list[_Found], direct: list[_Found]) -> list[_Found]:
    """Leave out reported statements whose cue sits inside another attribution's content.

    "She said voters support the plan" reports one statement: "support" is
    part of what she said, not a second attribution, and so is "he said"
    in "..., saying he would veto what they said was a bad bill".  PolNeAR
    rarely marks such attributions inside attributions (tuned on PolNeAR
    train: of 925 found, about one in five matched a gold start; dropping them
    raised speech exact F1 0.685 -> 0.690 and all 0.516 -> 0.524).  Of two
    that hold each other's cue, neither is dropped.
    """
    every = reported + direct

    def holds(g: _Found, f: _Found) -> bool:
        return f.cue is not None and g.start <= f.cue.start < g.end

    return [f for f in reported if not any(
        g is not f and holds(g, f) and not holds(f, g) for g in every)]


# -- direct quotes ------------------------------------------------------------------


def _token_at(starts: list[int], pos: int) -> int:
    """Index of the first token starting at or after ``pos``."""
    return bisect_left(starts, pos)


def _is_cue_verb(tok: Token) -> bool:
    return (tok.lemma_ in SPEECH_LEMMAS or tok.lemma_ in _QUOTE_CUE_LEMMAS) and \
        tok.pos_ in {"VERB", "AUX"}


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
    start, end = q.start, q.end
    if last in {",", "?", "!", "—", "–", "-"} and after is not None:
        choice = after
        start = _lead_in(doc, starts, quotes, n, q.start)
    elif before is not None:
        choice = before
        end = max(_run_on(doc, starts, q), _clause_on(doc, before[0], q))
        # a clause that ends inside a later quotation takes it whole ("says ‘…’
        # because ‘… soft.’": the parse leaves the closing marks to the verb;
        # PolNeAR train: 2 more attributions exact)
        end = max([end] + [o.end for o in quotes[n + 1:] if o.start < end < o.end])
    elif after is not None and _bare(doc[after[0]]):
        choice = after
    else:
        return None
    verb_i, subj = choice
    verb = doc[verb_i]
    # "‘A,’ it recommended": next to a quotation "it" is never the expletive; it
    # stands for an organisation or a document, resolved below like "he"
    # (PolNeAR train: 6 more attributions exact, 1 fewer)
    speaker = finder.from_token(subj, avoid=(q.start, q.end), allow_it=True) \
        if subj is not None else None
    if speaker is None:
        return None
    cue = _cue_span(doc, verb)
    kind: QuoteKind = "direct" if (start, end) == (q.start, q.end) else "mixed"
    return _Found(start, end, kind, speaker, cue, CONF_CUE, verb_i)


def _parenthetical_lead(doc: Doc, quotes: list[Quoted], n: int,
                        found: _Found) -> _Found | None:
    """'An economic downturn, Trump said, “could be a good time to borrow.”'.

    A cue set off by commas inside a sentence whose quotation goes on from the
    words before the cue (it opens in lower case) splits one statement: the
    words before the speaker are content too, a part of their own that shares
    the cue (PolNeAR's content is "An economic downturn | “could be …”"; PolNeAR
    train: 14 more attributions exact, dev 1).  A quotation that opens with a
    capital is a sentence of its own ("Speaking in Kyiv, the mayor said, “We
    will rebuild.”"), and a writer's connective ("Still, X said, “…”") is no
    content: then the words before are the writer's.
    """
    q = quotes[n]
    text = doc_text(doc)
    if found.verb is None or found.cue is None or found.cue.end > q.start or \
            text[found.cue.end:q.start].strip() != ",":
        return None
    inner = text[q.inner_start:q.inner_end].lstrip()
    if not inner[:1].islower():
        return None
    verb = doc[found.verb]
    subj = subject_of(verb)
    if subj is None or subj.i > verb.i:
        return None
    comma = subj.left_edge.i - 1
    if comma <= 0 or doc[comma].text != ",":
        return None
    floor = max(quotes[n - 1].end if n > 0 else 0, text.rfind("\n", 0, q.start) + 1)
    first = comma
    while first > verb.sent.start and doc[first - 1].idx >= floor and \
            doc[first - 1].text not in _SENT_END:
        first -= 1
    lead = doc[first:comma]
    if not any(t.is_alpha for t in lead) or any(_is_cue_verb(t) for t in lead) or \
            lead_in_end(text, lead[0].idx, q.end) > lead[0].idx:
        return None
    start, end = lead[0].idx, lead[-1].idx + len(lead[-1])
    return _Found(start, end, "indirect", found.speaker, found.cue, found.confidence, None)


def _run_on(doc: Doc, starts: list[int], q: Quoted) -> int:
    """The end of 'said ‘a two-man race’ between Cruz and Trump': the clause goes on.

    A preposition right after a quotation that ends without punctuation of
    its own carries the speaker's clause on to the next comma or sentence end
    (PolNeAR's content does; PolNeAR train).
    """
    text = doc_text(doc)
    i = _token_at(starts, q.end)
    if i >= len(doc) or doc[i].pos_ != "ADP" or text[q.inner_end - 1:q.inner_end] in ".,!?;:":
        return q.end
    end = q.end
    while i < len(doc) and not doc[i].is_punct and "\n" not in doc[i].text:
        end = doc[i].idx + len(doc[i])
        i += 1
    return end


def _clause_on(doc: Doc, verb_i: int, q: Quoted) -> int:
    """The end of 'says “the game has become soft” because “...”': the clause goes on.

    When the quotation opens the clause the cue verb reports ("says ‘…’"
    with no colon or comma between), PolNeAR's content is the whole clause:
    the end of the verb's complement when it runs past the quotation, within
    the paragraph and the sentence (PolNeAR train: 5 more exact, 1 fewer).
    """
    text = doc_text(doc)
    verb = doc[verb_i]
    gap = text[verb.idx + len(verb):q.start]
    if gap.strip():
        return q.end
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb_i), None)
    if comp is None:
        return q.end
    last = max(t.i for t in comp.subtree)
    while last > comp.i and ((doc[last].is_punct and doc[last].text not in _CLOSERS) or
                             doc[last].is_space):
        last -= 1
    end = doc[last].idx + len(doc[last])
    para_end = text.find("\n", q.end)
    if end <= q.end or (0 <= para_end < end):
        return q.end
    return end


_CLOSERS = frozenset({"’", "”", "»", "'", '"', "''"})


def _lead_in(doc: Doc, starts: list[int], quotes: list[Quoted], n: int, at: int) -> int:
    """Where the sentence that runs up to ``at`` starts (``at`` when it has no lead-in).

    "America needs leaders ‘who listen,’ she said." reports the whole
    sentence: PolNeAR's content starts at "America".  The lead-in stops at the
    paragraph start, a sentence end or an earlier quotation; a lead-in with a
    verb of saying of its own ("Asked about it, she said ‘...,’ he added") is
    another attribution.
    """
    text = doc_text(doc)
    floor = max(quotes[n - 1].end if n > 0 else 0, text.rfind("\n", 0, at) + 1)
    k = at
    while k > floor:
        ch = text[k - 1]
        # "Mrs. Clinton ... ‘is seen as ...,’ he said": a title's or an initial's
        # full stop ends no sentence (PolNeAR train)
        if ch in ".!?" and (k == at or text[k] in " \t\u00a0") and \
                not _abbreviation(text, k - 1):
            break
        k -= 1
    while k < at and text[k] in " \t\u00a0\n":
        k += 1
    lead = text[k:at].strip()
    if not lead or lead[-1] in ":;" or not any(ch.isalpha() for ch in lead):
        return at
    if any(_is_cue_verb(doc[i]) for i in range(_token_at(starts, k), _token_at(starts, at))):
        return at
    return k


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
    named: Token | None = None
    while hi < len(doc) and hi - i < AFTER_WINDOW and doc[hi].idx < limit:
        tok = doc[hi]
        if tok.text in _SENT_END:
            break
        if verb is None and tok.text == "," and any(doc[k].pos_ == "PROPN" for k in range(i, hi)):
            after_appositive = _past_appositive(doc, hi, limit)
            if after_appositive is not None:
                verb, hi = after_appositive, after_appositive.i + 1
                # the small model often leaves the name unattached to the verb
                named = doc[tok.i - 1]
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
    if subj is None and named is None and verb.i == i and verb.tag_ in {"VBD", "VBZ", "VBP"}:
        # only the inversion right after the closing mark ("‘A,’ said X"), not a
        # participle ("‘A,’ saying such footage helped ...")
        named = _inverted_subject(doc, verb, limit)
    if named is not None and (subj is None or subj.i > named.i):
        # past an appositive the name before it is the speaker, whatever the parse
        # hung on the verb ("said by telephone this week")
        subj = named
    return verb.i, subj


def _inverted_subject(doc: Doc, verb: Token, limit: int) -> Token | None:
    """X in "‘A,’ said X, who ...": by word order, when the parse gave X to
    another verb (the small model often makes the name the subject of a verb in
    the relative clause; PolNeAR train)."""
    k = verb.i + 1
    if k >= len(doc) or doc[k].idx >= limit:
        return None
    tok = doc[k]
    for _ in range(4):
        if tok.dep_ in {"compound", "det", "amod"} and tok.head.i > tok.i and \
                tok.head.idx < limit:
            tok = tok.head
        else:
            break
    return tok if tok.pos_ in {"PROPN", "NOUN"} else None


def _past_appositive(doc: Doc, comma: int, limit: int) -> Token | None:
    """The cue verb after "NAME, an appositive," ("‘A,’ Andrii Yatsenko, a spokesman
    for the Khortytsia group, said"): the appositive does not count towards the
    window (our articles, 03; the appositive runs up to ``APPOSITIVE_TOKENS``)."""
    for k in range(comma + 1, min(comma + 1 + APPOSITIVE_TOKENS, len(doc) - 1)):
        tok = doc[k]
        if tok.idx >= limit or tok.text in _SENT_END or "\n" in tok.text:
            return None
        if tok.text == ",":
            # "Mr. Horbach, now 81 and retired in Lviv, Ukraine, said": the
            # appositive may hold commas of its own (PolNeAR train)
            nxt = doc[k + 1]
            if nxt.idx < limit and _is_cue_verb(nxt):
                return nxt
    return None


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


# -- headlines -----------------------------------------------------------------------


def _headline(doc: Doc, finder: SpeakerFinder) -> _Found | None:
    """'Mayor Danko: Bridge Will Reopen by Friday.' as the article's first line.

    Wire headlines put the source before a colon and what they said after
    it; PolNeAR marks them as attributions with ":" as the cue.  Prefixes
    that are section labels rather than sources are left out: "The Latest:",
    all-capital labels ("BYLINE:", "UPDATE:"), prefixes with a digit or a
    verb ("Bill is back:") and prefixes ending in a non-noun; on PolNeAR
    train, headlines with a colon were attributions 100 times out of 136.
    """
    text = doc_text(doc)
    line_end = text.find("\n")
    if line_end < 0:
        return None
    colon = text.find(": ", 0, line_end)
    if colon <= 0:
        return None
    prefix = text[:colon]
    words = prefix.split()
    if not words or len(words) > HEADLINE_PREFIX_WORDS or not prefix[0].isupper() or \
            words[0] in _NOT_SOURCES or prefix.isupper() or \
            any(ch.isdigit() for ch in prefix):
        return None
    toks: list[Token] = []
    for t in doc:
        if t.idx >= colon:
            break
        toks.append(t)
    if not toks or any(t.pos_ in {"VERB", "AUX"} for t in toks) or \
            toks[-1].pos_ not in {"PROPN", "NOUN"}:
        return None
    start = colon + 2
    end = line_end
    while end > start and text[end - 1] in " \t.;":
        end -= 1
    if end - start < 3:
        return None
    speaker = finder.from_token(toks[-1], avoid=(colon, len(text))) or Speaker(
        prefix, None, Span(0, colon, prefix))
    inner = text[start:end]
    kind: QuoteKind = "direct" if inner[0] in "‘“'\"" and inner[-1] in "’”'\"" else "indirect"
    return _Found(start, end, kind, speaker, Span(colon, colon + 1, ":"), CONF_HEADLINE)


# -- reported speech ------------------------------------------------------------------


def _from_reported(doc: Doc, r: Reported, quotes: list[Quoted],
                   finder: SpeakerFinder) -> list[_Found]:
    """The attribution of one reported statement: one part, or two around the writer's words."""
    if r.subject is None:
        return []
    subj = doc[r.subject]
    # the reported pass has already let through only "it" of the verbs of saying
    speaker = finder.from_token(subj, avoid=(r.start, r.end), allow_it=True)
    if speaker is None:
        return []
    first = _reported_part(doc, r, r.start, r.end, speaker, quotes)
    if r.rest is None:
        return [first]
    # the two parts share the cue, so they make one attribution (as a split quote)
    return [first, _reported_part(doc, r, r.rest[0], r.rest[1], speaker, quotes)]


def _reported_part(doc: Doc, r: Reported, start: int, end: int, speaker: Speaker,
                   quotes: list[Quoted]) -> _Found:
    inner = [q for q in quotes if start <= q.start and q.end <= end]
    kind: QuoteKind = "indirect"
    if inner:
        only = inner[0]
        lead = doc_text(doc)[start:only.start].strip().lower()
        kind = "direct" if len(inner) == 1 and lead in {"", "that"} and only.end == end \
            else "mixed"
    cue = Span(r.cue_start, r.cue_end, doc_text(doc)[r.cue_start:r.cue_end])
    # beliefs, intentions, knowledge and the other non-speech cues are
    # attributions, not statements: the lowest confidence
    speech = r.according or doc[r.verb].lemma_ in SPEECH_LEMMAS or doc[r.verb].lower_ == "in"
    confidence = CONF_REPORTED if speech else CONF_ATTITUDE
    return _Found(start, end, kind, speaker, cue, confidence, r.verb)


# -- speakers that point back -----------------------------------------------------------

# News style introduces a speaker once, as the subject of a verb of saying, and
# then refers back: "A local official said ... . ‘...,’ the official said." /
# "X, a spokesman for Y, said ... . ‘...,’ he said."  The antecedent is the
# speaker of an attribution in the same or the previous sentence; the entity
# layer alone misses it when that speaker is unnamed ("a man who identified
# himself as a commander"), an organisation ("US Central Command ... it said")
# or a person whose role it did not read ("the spokesman" after "Lukas Brunner,
# a spokesman for the Swiss Federal Department of Foreign Affairs").  Tuned on
# our 30 articles (tests/gold/quotes).
_PERSON_PRONOUNS: dict[str, str] = {"he": "m", "she": "f"}
_GROUP_PRONOUNS = frozenset({"it", "they"})
_POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}
_RELATIVES = frozenset({"who", "which", "that"})
# Heads of an unnamed description that name a person (with lexicon.ROLE_NOUNS).
_PERSON_HEADS = frozenset("""
man woman boy girl resident witness survivor doctor nurse farmer soldier fighter officer
mother father son daughter leader member activist worker driver trader student priest imam
source
""".split())
# "the statement said": the text stands for its author, named in the sentence
# that introduced it ("In a statement, the army said ...").
_DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "report", "post"})
# "the ministry said" after "Russia’s Defence Ministry claimed ...": the head of
# an organisation's name, referred back to as a common noun (our articles, 03).
_ORG_HEADS = frozenset("""
ministry army military government company council committee agency office service
movement coalition alliance militia junta authority commission
""".split())


def _back_reference(sp: Speaker) -> str | None:
    """"he", "it", "who" or the noun of a definite description ("the official")."""
    if sp.mention is None:
        return None
    words = sp.mention.text.lower().split()
    if len(words) == 1:
        # "his claim that ..." (a noun of saying) refers back as "he said" does
        word = _POSSESSIVES.get(words[0], words[0])
        if word in _PERSON_PRONOUNS or word in _GROUP_PRONOUNS:
            return word
    if len(words) == 2 and words[0] == "the":
        noun = words[1]
        noun = ROLE_SYNONYMS.get(noun, noun)
        if noun in lexicon.ROLE_NOUNS or noun in _DOCUMENT_NOUNS or noun in _PERSON_HEADS \
                or noun in _ORG_HEADS:
            return noun
    return None


def _resolve_back_references(doc: Doc, direct: dict[int, _Found], reported: list[_Found],
                             finder: SpeakerFinder) -> None:
    """Give a pronoun or description speaker the speaker it refers back to (in place)."""
    every = sorted([f for f in [*direct.values(), *reported] if f.cue is not None and
                    f.verb is not None and f.speaker is not None],
                   key=lambda f: f.cue.start if f.cue is not None else 0)
    if not every:
        return
    sent_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    starts = [t.idx for t in doc]
    resolved: dict[int, Speaker] = {}
    for f in every:
        assert f.speaker is not None and f.verb is not None
        ref = _back_reference(f.speaker)
        if ref is None:
            continue
        if ref in _GROUP_PRONOUNS:
            # "The RSF did not respond, but it has previously denied ... and accused":
            # an organisation that is the subject earlier in the same sentence (blind
            # check 40-42 let "it accused" through, and the last speaker was wrong)
            earlier = _earlier_subject(doc, f.speaker, ref, finder)
            if earlier is not None:
                resolved[id(f)] = Speaker(earlier.name, earlier.entity_id, f.speaker.mention,
                                          role=earlier.role, affiliation=earlier.affiliation)
                continue
        # from the sentence the quotation opens in: the parser often splits a
        # quotation of two sentences before its cue
        here = min(sent_of[f.verb], sent_of[min(_token_at(starts, f.start), len(doc) - 1)])
        for g in reversed(every):
            assert g.speaker is not None and g.verb is not None and g.cue is not None
            if g.cue.start >= (f.cue.start if f.cue else 0) or sent_of[g.verb] < here - 1:
                continue
            if _back_reference(g.speaker) is not None and id(g) not in resolved:
                continue
            speaker = resolved.get(id(g), g.speaker)
            if _refers_to(ref, doc, g, speaker, finder):
                resolved[id(f)] = Speaker(speaker.name, speaker.entity_id, f.speaker.mention,
                                          role=speaker.role, affiliation=speaker.affiliation)
                break
    if not resolved:
        return
    for n, f in list(direct.items()):
        if id(f) in resolved:
            direct[n] = replace(f, speaker=resolved[id(f)])
    reported[:] = [replace(f, speaker=resolved[id(f)]) if id(f) in resolved else f
                   for f in reported]


def _earlier_subject(doc: Doc, pronoun: Speaker, ref: str,
                     finder: SpeakerFinder) -> Speaker | None:
    """The organisation that is a verb's subject earlier in the pronoun's sentence."""
    if pronoun.mention is None:
        return None
    span = doc.char_span(pronoun.mention.start, pronoun.mention.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span[0]
    for cand in reversed(doc[tok.sent.start:tok.i]):
        if cand.dep_ != "nsubj" or cand.head.pos_ not in {"VERB", "AUX"}:
            continue
        c = finder.mention_at(cand.idx, cand.idx + len(cand))
        if c is not None and c.label in {"ORG", "NORP"} and \
                (ref == "it") != (cand.tag_ in {"NNS", "NNPS"}):
            return finder.from_cand(c)
        return None  # the nearest subject is someone else
    return None


def _refers_to(ref: str, doc: Doc, g: _Found, speaker: Speaker, finder: SpeakerFinder) -> bool:
    """Whether the back reference ``ref`` can point to the speaker of attribution ``g``."""
    assert g.verb is not None
    subj = _speaker_token(doc[g.verb], 0, len(doc_text(doc)) + 1)
    if subj is None:
        return False
    entity = next((e for e in finder.entities if e.id == speaker.entity_id), None) \
        if speaker.entity_id is not None else None
    if ref in _PERSON_PRONOUNS:
        if entity is not None and entity.label == "PERSON":
            cluster = finder.clusters[finder.entities.index(entity)] \
                if len(finder.clusters) == len(finder.entities) else None
            return cluster is None or cluster.gender in {None, _PERSON_PRONOUNS[ref]}
        # an unnamed description of a person, or a name the entity layer took for
        # an organisation but a "who" clause marks as a person
        return _person_head(subj)
    if ref in _GROUP_PRONOUNS:
        if entity is not None:
            return entity.label in {"ORG", "NORP", "GPE"} and (ref == "it") != \
                (subj.tag_ in {"NNS", "NNPS"})
        plural = subj.tag_ in {"NNS", "NNPS"}
        return subj.pos_ in {"NOUN", "PROPN"} and not _person_head(subj) and \
            plural == (ref == "they")
    if ref in _DOCUMENT_NOUNS:
        return any(t.lower_ == ref for t in doc[g.verb].sent)
    # "the spokesman": the noun heads the antecedent's phrase or its appositive
    # ("Lukas Brunner, a spokesman for ...", "Jenin's mayor, Nidal Abu Zeid")
    return any(ROLE_SYNONYMS.get(t.lower_, t.lower_) == ref and (
        t.pos_ == "NOUN" or (t.pos_ == "PROPN" and ref in _ORG_HEADS)) for t in subj.subtree)


def _person_head(tok: Token) -> bool:
    """An unnamed description of a person: "a local official", "a man who ...", "one of
    the sources" (blind check 37-39)."""
    if tok.lower_ == "one":
        return any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and _person_head(g) for g in c.children) for c in tok.children)
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    lemma = tok.lemma_.lower()
    return lemma in lexicon.ROLE_NOUNS or lemma in _PERSON_HEADS or any(
        c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in tok.children)


# -- continuations ----------------------------------------------------------------------


def _continuations(text: str, quotes: list[Quoted], direct: dict[int, _Found],
                   absorbed: set[int], out: list[_Found]) -> None:
    """Give each cue-less quotation to the speaker before it, when the text allows."""
    for n, q in enumerate(quotes):
        if n in direct or n in absorbed:
            continue
        # "‘A,’ he said of the plan, ‘B.’": after a comma only as the other half
        if not _statement_like(text, q, MIN_HALF_WORDS) and not (
                text[:q.start].rstrip().endswith(",") and
                len(text[q.inner_start:q.inner_end].split()) >= MIN_HALF_WORDS):
            continue
        short = not _statement_like(text, q)
        before = [f for f in out if f.end <= q.start and f.speaker is not None and
                  f.confidence != CONF_ATTITUDE]
        if not before:
            continue
        last = max(before, key=lambda f: f.end)
        halves = [f for f in before if f.confidence == CONF_CUE and
                  any(d is f for d in direct.values())]
        if halves and last not in halves:
            # "‘A,’ X told Reuters when asked if ... ‘B.’": an attribution inside the
            # cue's own sentence does not stand between the two halves
            half = max(halves, key=lambda f: f.end)
            if all(half.end <= f.start and f.cue is not None and f.cue.start >= half.end and
                   not any(d is f for d in direct.values())
                   for f in before if f.end > half.end) and \
                    _split_gap(text[half.end:q.start], half):
                last = half
        gap = text[last.end:q.start]
        breaks = gap.count("\n")
        # the other half of a split quote: only the cue's own sentence in between.
        # The first half has a cue of its own (not a split half itself); the
        # reported pass finds it when the speaker's phrase is long ("‘A,’ X, the
        # director of ..., said.")
        first_half = (last.confidence == CONF_CUE and any(d is last for d in direct.values())) \
            or (last.confidence == CONF_REPORTED and last.kind == "direct")
        if short and not (first_half and _split_gap(gap, last)):
            continue
        if first_half and _split_gap(gap, last):
            found = _Found(q.start, q.end, "direct", last.speaker, last.cue, CONF_SPLIT)
        elif (_paragraphs_between(gap) <= CONTINUATION_PARAGRAPHS and not gap.strip()) or \
                breaks == 0 or _paragraphs_between(gap) <= 1:
            # quotes paragraph after paragraph, or the next quote after one line of prose
            found = _Found(q.start, q.end, "direct", last.speaker, None, CONF_CONTINUATION)
        else:
            continue
        direct[n] = found
        out.append(found)


def _statement_like(text: str, q: Quoted, min_words: int = MIN_STATEMENT_WORDS) -> bool:
    """A quotation that stands as a sentence of its own, not a scare-quoted term.

    It opens a sentence (after a full stop, a closing mark, a colon or a line
    start) and runs to at least ``MIN_STATEMENT_WORDS`` words.
    """
    k = q.start - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    opens = k < 0 or text[k] in ".!?:\n”’\"'…"
    return opens and len(text[q.inner_start:q.inner_end].split()) >= min_words


def _split_gap(gap: str, last: _Found) -> bool:
    """Between two halves of a split quote there is one sentence: the attribution."""
    if last.cue is None:
        return False
    stripped = gap.strip()
    if not stripped:
        return True
    if stripped.endswith(":"):
        # "It continued: ‘B.’", "From his post: ‘B.’": the words before the colon
        # introduce the next quotation, which is not the other half (PolNeAR train)
        return False
    # "said X, a defense expert based in St. Petersburg." – one sentence end at most,
    # initials and titles aside ("Benjamin J. Rhodes, Mr. Obama's adviser, said
    # Sunday."; PolNeAR train: with them counted as ends, up to two allowed, 26
    # fewer split quotes came out whole)
    ends = sum(1 for k, ch in enumerate(stripped) if ch in ".!?" and
               (k + 1 == len(stripped) or stripped[k + 1] in " \n") and
               not _abbreviation(stripped, k))
    return ends <= 1 and len(stripped) < 250


# Titles written with a full stop before a name ("Mr. Obama", "Sen. Graham").
_TITLES = frozenset("""
mr mrs ms dr st gen sen rep gov lt col sgt jr sr prof rev capt maj adm cmdr pres
""".split())


def _abbreviation(text: str, dot: int) -> bool:
    """The full stop at ``dot`` ends an initial ("Benjamin J. Rhodes") or a title ("Mr.")."""
    k = dot
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    word = text[k:dot]
    return text[dot] == "." and ((len(word) == 1 and word.isupper()) or
                                 word.lower() in _TITLES)


def _paragraphs_between(gap: str) -> int:
    return sum(1 for para in gap.split("\n") if para.strip())
