"""Clause helpers over the dependency parse that the event modules share."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def clause_text(tok: Token) -> str:
    return " ".join(tok.doc[i].text for i in sorted(clause_tokens(tok)))


def clause_tokens(tok: Token) -> set[int]:
    """The token indices of the trigger's clause, without its coordinated clauses."""
    verb = clause_verb(tok)
    return {t.i for t in own_subtree(verb)} | {tok.i}


def is_within(tok: Token, head: Token) -> bool:
    return any(t.i == tok.i for t in own_subtree(head)) and tok.i != head.i


def clause_verb(tok: Token) -> Token:
    """The verb whose clause holds the trigger (the trigger itself when a verb)."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return cur


def paragraph_start(tok: Token) -> int:
    """The index of the first token of the paragraph that holds ``tok``."""
    doc = tok.doc
    for k in range(tok.i - 1, tok.sent.start - 1, -1):
        if "\n" in doc[k].whitespace_ or "\n\n" in doc[k].text:
            return k + 1
    return tok.sent.start


def own_subtree(tok: Token) -> list[Token]:
    """A token's subtree without its coordinated clauses ("called for X, but Y refused")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in {"conj", "cc"} or c.pos_ not in {"VERB", "AUX"}:
            out.extend(own_subtree(c) if c.dep_ not in {"conj", "cc"} else c.subtree)
    return out
