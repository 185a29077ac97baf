"""Which tokens the spell checker reads, and how: single words and hyphenated compounds.

The shared tokenizer makes a hyphen its own token (``rendez - vous``); here words joined by hyphens
with no space (``c'est-à-dire``, ``patte-d'oie``, ``dites-moi``) are grouped back into one compound.
Each group also knows whether it opens its sentence (only punctuation before it in the sentence),
which decides how a capitalised word is read.
"""
from __future__ import annotations

from editor.text.tokens import Tokens


class Group:
    __slots__ = ("first", "last", "parts", "elision", "at_start")

    def __init__(self, first: int, last: int, parts: list[int], elision: int,
                 at_start: bool) -> None:
        self.first = first          # index of the first word token
        self.last = last            # index of the last word token (== first for a single word)
        self.parts = parts          # indices of the word tokens (not d' inside patte-d'oie)
        self.elision = elision      # index of an elision glued before (c' of c'est-à-dire), or -1
        self.at_start = at_start    # first word of its sentence


def groups(toks: Tokens):
    """Yield the :class:`Group` of every word and compound of ``toks``."""
    kind, surf, st, en, sent = toks.kind, toks.surface, toks.start, toks.end, toks.sentence
    n = len(kind)
    i = 0
    cur = None
    at_start = True
    while i < n:
        k = kind[i]
        if sent[i] != cur:
            cur = sent[i]
            at_start = True
        if k != "word":
            if k != "punct":
                at_start = False
            i += 1
            continue
        parts = [i]
        j = i
        while j + 2 < n and surf[j + 1] == "-" and en[j] == st[j + 1] and en[j + 1] == st[j + 2]:
            nxt = j + 2
            if kind[nxt] == "elision":
                if nxt + 1 < n and kind[nxt + 1] == "word" and en[nxt] == st[nxt + 1]:
                    nxt += 1
                else:
                    break
            elif kind[nxt] != "word":
                break
            parts.append(nxt)
            j = nxt
        elision = i - 1 if i and kind[i - 1] == "elision" and en[i - 1] == st[i] else -1
        yield Group(i, j, parts, elision, at_start)
        at_start = False
        i = j + 1
